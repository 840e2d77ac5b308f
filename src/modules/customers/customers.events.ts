// Events the customers module appends to the platform log, with their payload schemas. Only
// profile-level changes go there: each page view or track call is stored once, in customer_events,
// not twice. Payloads carry ids and trait names, never personal values, so the append-only log holds
// nothing erasure must reach.
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';
import { JOURNEY_STAGES } from './customers.types.js';

export const CUSTOMER_EVENTS = {
  created: 'customer.created',
  merged: 'customer.merged',
  unmerged: 'customer.unmerged',
  traitsChanged: 'customer.traits_changed',
  tagsChanged: 'customer.tags_changed',
  stageChanged: 'customer.stage_changed',
  consentChanged: 'customer.consent_changed',
  mergeReviewDecided: 'customer.merge_review_decided',
  erased: 'customer.erased',
} as const;

export const CUSTOMER_EVENT_SCHEMAS = defineEvents({
  [CUSTOMER_EVENTS.created]: z.strictObject({
    profileId: z.string(),
    channelId: z.string().nullable().describe('the channel the profile was first seen on'),
  }),
  [CUSTOMER_EVENTS.merged]: z.strictObject({
    mergeId: z.string(),
    winnerId: z.string(),
    loserId: z.string(),
    movedProfileIds: z.array(z.string()),
  }),
  [CUSTOMER_EVENTS.unmerged]: z.strictObject({
    mergeId: z.string(),
    winnerId: z.string(),
    loserId: z.string(),
    restoredProfileIds: z.array(z.string()),
  }),
  [CUSTOMER_EVENTS.traitsChanged]: z.strictObject({
    profileId: z.string(),
    traits: z.array(z.string()).describe('names of the traits that changed, never their values'),
  }),
  [CUSTOMER_EVENTS.tagsChanged]: z.strictObject({
    profileId: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  [CUSTOMER_EVENTS.stageChanged]: z.strictObject({
    profileId: z.string(),
    from: z.enum(JOURNEY_STAGES),
    to: z.enum(JOURNEY_STAGES),
  }),
  [CUSTOMER_EVENTS.consentChanged]: z.strictObject({
    profileId: z.string(),
    purpose: z.string(),
    channel: z.string().describe("a channel id, or '*' for every channel"),
    granted: z.boolean(),
  }),
  [CUSTOMER_EVENTS.mergeReviewDecided]: z.strictObject({
    reviewId: z.string(),
    decision: z.enum(['approved', 'rejected']),
    profileIds: z.array(z.string()),
    mergeId: z.string().nullable(),
  }),
  [CUSTOMER_EVENTS.erased]: z.strictObject({
    profileId: z.string(),
    erasedProfileIds: z.array(z.string()),
    reason: z.string(),
  }),
});

export type CustomerEventPayload<T extends keyof typeof CUSTOMER_EVENT_SCHEMAS> = EventPayload<
  typeof CUSTOMER_EVENT_SCHEMAS,
  T
>;
