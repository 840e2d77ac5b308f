// Events the shoppers module emits, with their payload schemas. Subjects are customer profile ids;
// payloads hold ids only (no email address, code or secret).
import { z } from 'zod';
import type { NewEvent } from '../../platform/events/event-log.js';

export const SHOPPER_EVENTS = {
  signedIn: 'shopper.signed_in',
  signedOut: 'shopper.signed_out',
} as const;

export const ShopperSignedIn = z.object({
  sessionId: z.string(),
  profileId: z.string(),
  channelId: z.string(),
  expiresAt: z.string(),
});
export const ShopperSignedOut = z.object({ sessionId: z.string(), profileId: z.string() });

export const signedInEvent = (p: z.infer<typeof ShopperSignedIn>): NewEvent => ({
  type: SHOPPER_EVENTS.signedIn,
  subject: p.profileId,
  channelId: p.channelId,
  payload: ShopperSignedIn.parse(p),
});

export const signedOutEvent = (p: z.infer<typeof ShopperSignedOut>): NewEvent => ({
  type: SHOPPER_EVENTS.signedOut,
  subject: p.profileId,
  payload: ShopperSignedOut.parse(p),
});
