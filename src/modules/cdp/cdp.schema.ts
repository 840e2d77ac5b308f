// The customer data platform's own tables: audiences (saved rules) and who is in them, computed
// trait definitions, the slim copy of the events those rules count, destinations that forward raw
// events to webhook endpoints, and the tracking plan with its violation counters. Profiles are
// referred to by id (the customers module owns them); nothing here joins another module's table.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { AudienceRule, ComputedTraitDefinition, ViolationExample } from './cdp.types.js';

export const cdpAudiences = pgTable('cdp_audiences', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  rule: jsonb('rule').$type<AudienceRule>().notNull(),
  status: text('status').$type<'active' | 'paused'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const cdpAudienceMembers = pgTable(
  'cdp_audience_members',
  {
    audienceId: text('audience_id').notNull(),
    // The surviving profile of the customer's cluster (customers module), by id.
    customerId: text('customer_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.audienceId, t.customerId] }),
    index('cdp_audience_members_customer_idx').on(t.customerId),
  ],
);

export const cdpComputedTraits = pgTable('cdp_computed_traits', {
  id: text('id').primaryKey(),
  traitKey: text('trait_key').notNull().unique(),
  definition: jsonb('definition').$type<ComputedTraitDefinition>().notNull(),
  status: text('status').$type<'active' | 'paused'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The events audiences and computed traits count, only of the names some rule refers to, and only
 * the properties rules read: one row per (profile the event landed on, message id).
 */
export const cdpProfileEvents = pgTable(
  'cdp_profile_events',
  {
    profileId: text('profile_id').notNull(),
    messageId: text('message_id').notNull(),
    eventName: text('event_name').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.messageId] }),
    index('cdp_profile_events_name_idx').on(t.profileId, t.eventName, t.occurredAt),
  ],
);

export const cdpDestinations = pgTable('cdp_destinations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // A webhook endpoint of the integrations module, by id: its URL, signing, retries and DLQ.
  endpointId: text('endpoint_id').notNull(),
  kinds: text('kinds').array().notNull(),
  filter: text('filter'),
  mapping: text('mapping'),
  purpose: text('purpose'),
  status: text('status').$type<'active' | 'paused'>().notNull(),
  forwarded: integer('forwarded').notNull().default(0),
  filtered: integer('filtered').notNull().default(0),
  suppressed: integer('suppressed').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const cdpTrackingPlans = pgTable('cdp_tracking_plans', {
  eventName: text('event_name').primaryKey(),
  schema: jsonb('schema').$type<Record<string, unknown>>().notNull(),
  block: boolean('block').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const cdpTrackingViolations = pgTable('cdp_tracking_violations', {
  eventName: text('event_name').primaryKey(),
  violations: integer('violations').notNull(),
  blocked: integer('blocked').notNull(),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  // The newest violation's message id and what was wrong (paths and rules, never the values).
  example: jsonb('example').$type<ViolationExample>().notNull(),
});
