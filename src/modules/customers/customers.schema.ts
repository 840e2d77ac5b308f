// Customers: profiles, their identifiers, the events that landed on them, merges (reversible), the
// review queue, consent, write-key sources, erasure tombstones and the append-only identity log.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ConsentEntry, CustomerView, MergeRecord, MergeReview } from './customers.types.js';
import type { ProfileState } from './profile-state.js';

/** Ingestion sources: a write key belongs to a channel. Only a hash of the key is stored. */
export const customerSources = pgTable('customer_sources', {
  id: text('id').primaryKey(),
  channelId: text('channel_id').notNull(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  keyPrefix: text('key_prefix').notNull(),
  /** Every anonymous/device id from this source is a shared device (store till, kiosk). */
  sharedDevices: text('shared_devices').notNull().default('no'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * A profile. Merges never move rows: the merged profile points at the surviving one through
 * merged_into (always the current root), so an unmerge only clears pointers.
 */
export const customerProfiles = pgTable(
  'customer_profiles',
  {
    id: text('id').primaryKey(),
    mergedInto: text('merged_into'),
    status: text('status').notNull().default('active'),
    /** Per-profile share of traits: { key: { value, channelId, at } }. The view merges a cluster's. */
    traits: jsonb('traits').$type<ProfileState['traits']>().notNull().default({}),
    /** { channelId: { first, last, count } } of the events that landed on this profile. */
    channelStats: jsonb('channel_stats').$type<ProfileState['channelStats']>().notNull().default({}),
    eventCount: integer('event_count').notNull().default(0),
    orderCount: integer('order_count').notNull().default(0),
    /** Lifetime value in minor units per currency: { EUR: 12345 }. */
    lifetimeValue: jsonb('lifetime_value').$type<ProfileState['lifetimeValue']>().notNull().default({}),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    lastCartAt: timestamp('last_cart_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** Journey stage of the cluster, kept on its root. */
    stage: text('stage').$type<ProfileState['stage']>().notNull().default('visitor'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }),
    createdChannelId: text('created_channel_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('customer_profiles_merged_into_idx').on(t.mergedInto).where(sql`merged_into is not null`),
    index('customer_profiles_stage_idx').on(t.stage),
    // The stage sweeper's idle carts (customers.repository selectRootsWithIdleCart).
    index('customer_profiles_idle_cart_idx').on(t.lastCartAt).where(sql`last_order_at is null`),
    // The win-back sweep's lapsed buyers (subjects.repository selectRootsLastOrderedIn).
    index('customer_profiles_last_order_idx').on(t.lastOrderAt).where(sql`last_order_at is not null`),
  ],
);

/** One row per (type, normalized value); profile_id is the profile it first landed on. */
export const customerIdentifiers = pgTable(
  'customer_identifiers',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    profileId: text('profile_id').notNull(),
    trust: text('trust').$type<CustomerView['identities'][number]['trust']>().notNull(),
    channelId: text('channel_id'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('customer_identifiers_type_value_idx').on(t.type, t.value),
    index('customer_identifiers_profile_idx').on(t.profileId),
  ],
);

/** Every event that landed on a profile (Segment calls and timeline entries of other modules). */
export const customerEvents = pgTable(
  'customer_events',
  {
    id: text('id').primaryKey(),
    sourceId: text('source_id').notNull(),
    messageId: text('message_id').notNull(),
    profileId: text('profile_id').notNull(),
    channelId: text('channel_id'),
    kind: text('kind').notNull(),
    name: text('name'),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    context: jsonb('context').notNull().default({}),
    anonymousId: text('anonymous_id'),
    userId: text('user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('customer_events_message_idx').on(t.sourceId, t.messageId),
    // Ascending: read backwards it serves `order by occurred_at desc, id desc` (drizzle's .desc() would
    // add NULLS LAST, which that order by cannot use).
    index('customer_events_timeline_idx').on(t.profileId, t.occurredAt, t.id),
    // The omnichannel score's window (events received since a date).
    index('customer_events_received_idx').on(t.receivedAt),
  ],
);

export const customerMerges = pgTable(
  'customer_merges',
  {
    id: text('id').primaryKey(),
    winnerId: text('winner_id').notNull(),
    loserId: text('loser_id').notNull(),
    /** The profiles whose merged_into this merge set (the loser and what was merged into it). */
    movedProfileIds: text('moved_profile_ids').array().notNull(),
    /**
     * The two profiles whose identifiers the merge joined (not the roots of the time): an unmerge
     * splits the cluster into what its remaining merges still connect. Null on older rows: winner
     * and loser stand for them.
     */
    linkedProfileIds: text('linked_profile_ids').array(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<MergeRecord['status']>().notNull().default('active'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    index('customer_merges_winner_idx').on(t.winnerId),
    index('customer_merges_loser_idx').on(t.loserId),
  ],
);

/**
 * Tags set by id (API, workflow rules). Like identifiers, a tag stays on the profile it was addressed
 * to; the view and search read the whole cluster, newest row per tag winning. A removal is a row too
 * (removed_at set), so removing a tag from a merged customer hides another profile's row without
 * touching it, and an unmerge gives each profile back its own tags.
 */
export const customerTags = pgTable(
  'customer_tags',
  {
    profileId: text('profile_id').notNull(),
    tag: text('tag').notNull(),
    channelId: text('channel_id'),
    actor: text('actor').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.tag] }), index('customer_tags_tag_idx').on(t.tag)],
);

/** Merges that broke a protection rule wait here for a person to decide. */
export const customerMergeReviews = pgTable(
  'customer_merge_reviews',
  {
    id: text('id').primaryKey(),
    profileIds: text('profile_ids').array().notNull(),
    /** The two profile ids sorted and joined: one open review per pair. */
    pairKey: text('pair_key').notNull(),
    rule: text('rule').notNull(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<MergeReview['status']>().notNull().default('open'),
    mergeId: text('merge_id'),
    decidedBy: text('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('customer_merge_reviews_status_idx').on(t.status, t.createdAt),
    uniqueIndex('customer_merge_reviews_open_pair_idx').on(t.pairKey).where(sql`status = 'open'`),
  ],
);

/** Pairs of profiles that must stay apart (after an unmerge or a rejected review). */
export const customerMergeBlocks = pgTable(
  'customer_merge_blocks',
  {
    profileA: text('profile_a').notNull(),
    profileB: text('profile_b').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileA, t.profileB] }),
    index('customer_merge_blocks_b_idx').on(t.profileB),
  ],
);

/** Device ids that never link customers (a store's till, a kiosk). */
export const customerSharedDevices = pgTable('customer_shared_devices', {
  value: text('value').primaryKey(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Consent per purpose × channel ('*' = every channel); newest decision wins. */
export const customerConsents = pgTable(
  'customer_consents',
  {
    profileId: text('profile_id').notNull(),
    purpose: text('purpose').notNull(),
    channelScope: text('channel_scope').notNull(),
    status: text('status').$type<ConsentEntry['status']>().notNull(),
    sourceChannelId: text('source_channel_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.purpose, t.channelScope] })],
);

/**
 * Hashes of erased or suppressed identifiers: events carrying them are dropped, so erasure cannot be
 * undone by replay. A suppression can be lifted (the row is deleted). Hashes are HMACs keyed by the
 * install's salt (customer_settings); rows written before the salt existed are `salted = false`.
 */
export const customerErasedIdentifiers = pgTable('customer_erased_identifiers', {
  hash: text('hash').primaryKey(),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
  /** 'erased' (the data is gone) or 'suppressed' (new data is refused; the data stays). */
  kind: text('kind').notNull().default('erased'),
  salted: boolean('salted').notNull().default(false),
});

/** Settings of this install kept by the module, e.g. the secret salt of tombstone hashes. */
export const customerSettings = pgTable('customer_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Append-only: why every identity change happened. */
export const customerIdentityLog = pgTable(
  'customer_identity_log',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('customer_identity_log_profile_idx').on(t.profileId, t.at)],
);

/**
 * Every regulation carried out (suppress only, suppress with delete, unsuppress), as Segment lists
 * them: what was asked, about whom, and what it did. Only ids and counts: never the identifier's
 * value (a deletion must not leave the deleted email in its own record).
 */
export const customerRegulations = pgTable(
  'customer_regulations',
  {
    id: text('id').primaryKey(),
    regulationType: text('regulation_type').notNull(),
    /** 'customer' (a profile and its cluster) or 'identifier'. */
    subjectKind: text('subject_kind').notNull(),
    /** The identifier's type when the subject is one identifier. */
    identifierType: text('identifier_type'),
    /** The surviving profile the subject is (or was); null for an identifier nobody holds. */
    customerId: text('customer_id'),
    identifiers: integer('identifiers').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('customer_regulations_created_idx').on(t.createdAt, t.id),
    index('customer_regulations_customer_idx').on(t.customerId),
  ],
);
