// Events the shoppers module emits, with their payload schemas. Subjects are customer profile ids;
// payloads hold ids only (no email address, code or secret).
import { z } from 'zod';
import type { NewEvent } from '../../platform/events/event-log.js';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';

export const SHOPPER_EVENTS = {
  signedIn: 'shopper.signed_in',
  signedOut: 'shopper.signed_out',
} as const;

export const SHOPPER_EVENT_SCHEMAS = defineEvents({
  [SHOPPER_EVENTS.signedIn]: z.strictObject({
    sessionId: z.string(),
    profileId: z.string(),
    channelId: z.string(),
    expiresAt: EventTime,
  }),
  [SHOPPER_EVENTS.signedOut]: z.strictObject({ sessionId: z.string(), profileId: z.string() }),
});

export type ShopperEventPayload<T extends keyof typeof SHOPPER_EVENT_SCHEMAS> = EventPayload<
  typeof SHOPPER_EVENT_SCHEMAS,
  T
>;

export const signedInEvent = (p: ShopperEventPayload<typeof SHOPPER_EVENTS.signedIn>): NewEvent => ({
  type: SHOPPER_EVENTS.signedIn,
  subject: p.profileId,
  channelId: p.channelId,
  payload: p,
});

export const signedOutEvent = (p: ShopperEventPayload<typeof SHOPPER_EVENTS.signedOut>): NewEvent => ({
  type: SHOPPER_EVENTS.signedOut,
  subject: p.profileId,
  payload: p,
});
