// The events of the customer data platform: a customer entering or leaving an audience. Payloads hold
// ids and the audience's key, never personal values; webhook endpoints subscribed to them (with a
// contact purpose) are how an audience is synced to a channel.
import { z } from 'zod';
import { defineEvents, EventTime } from '../../platform/events/event-schemas.js';

export const CDP_EVENTS = {
  audienceEntered: 'audience.entered',
  audienceExited: 'audience.exited',
} as const;

const Membership = {
  audienceId: z.string(),
  audienceKey: z.string(),
  customerId: z.string(),
  at: EventTime,
};

export const CDP_EVENT_SCHEMAS = defineEvents({
  [CDP_EVENTS.audienceEntered]: z.strictObject({
    ...Membership,
    /** The event that qualified the customer, when one did (its message id). */
    causedBy: z.string().nullable(),
  }),
  [CDP_EVENTS.audienceExited]: z.strictObject({
    ...Membership,
    reason: z.enum(['no_longer_matches', 'audience_changed', 'audience_deleted', 'merged', 'erased']),
  }),
});
