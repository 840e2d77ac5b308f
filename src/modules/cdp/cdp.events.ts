// The events of the customer data platform: a customer entering or leaving an audience, and a
// definition (audience, computed trait) saved, which starts the re-evaluation of existing customers. Payloads hold
// ids and the audience's key, never personal values; webhook endpoints subscribed to them (with a
// contact purpose) are how an audience is synced to a channel.
import { z } from 'zod';
import { defineEvents, EventTime } from '../../platform/events/event-schemas.js';

export const CDP_EVENTS = {
  audienceEntered: 'audience.entered',
  audienceExited: 'audience.exited',
  /** An audience was created, or its rule or status changed: existing customers are evaluated again. */
  audienceChanged: 'audience.changed',
  /** A computed trait was created or its definition changed: existing customers are computed again. */
  computedTraitChanged: 'computed_trait.changed',
  /**
   * Ingestion stored events some definition wants (counted or forwarded), written in the storing
   * transaction: the durable hand-off from ingestion to the CDP worker. Names them only (source and
   * message id); the worker reads them back from the stored events.
   */
  eventsReceived: 'cdp.events_received',
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
  [CDP_EVENTS.audienceChanged]: z.strictObject({
    audienceId: z.string(),
    audienceKey: z.string(),
    change: z.enum(['created', 'updated']),
  }),
  [CDP_EVENTS.computedTraitChanged]: z.strictObject({
    computedTraitId: z.string(),
    traitKey: z.string(),
    change: z.enum(['created', 'updated']),
  }),
  [CDP_EVENTS.eventsReceived]: z.strictObject({
    events: z.array(z.strictObject({ sourceId: z.string(), messageId: z.string() })),
  }),
});
