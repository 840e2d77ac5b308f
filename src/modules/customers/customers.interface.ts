// The customers module's surface, declared: what other layers may call and with which types. The
// service (customers.service.ts) delegates each method by name to the use case that owns it.
import type { Result } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import type { ContactDecision } from './consent.js';
import type {
  CustomerSubject,
  CustomerSummary,
  CustomerView,
  IdentityLogEntry,
  IngestEventInput,
  IngestEventResult,
  IngestSource,
  MergeRecord,
  MergeReview,
  Source,
  SourceInput,
  StageThresholds,
  StoredIngestEvent,
  TagChangeResult,
  TimelinePage,
  TraitUpdateResult,
} from './customers.types.js';
import type { IdentifierInput, IdentityRules } from './identifiers.js';
import type { IdentityConfig, IdentityConfigView } from './identity-config.js';
import type { MergeRefusal, UnmergeRefusal } from './merges.service.js';
import type {
  ConsentState,
  CustomerExport,
  ErasureReceipt,
  RegulationSubject,
  SuppressionReceipt,
} from './privacy.service.js';
import type { OnceEntry } from './profile-edits.service.js';
import type { ProfileState } from './profile-state.js';
import type { RegulationQuery, RegulationRecord, RegulationRecordInput } from './regulations.service.js';
import type { BirthdayRow, NamedEventRow } from './subjects.repository.js';

export interface CustomersOptions {
  rules?: Partial<IdentityRules>;
  thresholds?: Partial<StageThresholds>;
  maxEventsPerCommit?: number;
  /** Ingest batches committing at once on PostgreSQL (default 3; PGlite always one). */
  concurrentCommits?: number;
  /** An event timestamp further ahead of the receipt time than this is clamped to it (default 10 min). */
  maxFutureSkewMs?: number | undefined;
  /**
   * Whether a channel id names an existing channel (the channels module, passed in by the hub): consent
   * is recorded only for '*' or such a channel. Without it only the id's shape (chn_…) is checked.
   */
  channelExists?: ((ctx: Ctx, channelId: string) => Promise<boolean>) | undefined;
  /**
   * Platform events to write with a batch's stored events, in the same transaction (the hub's CDP
   * hand-off: what ingestion stored reaches the CDP through the event log even if the process dies
   * right after the commit). Called synchronously; `ctx` is the ingesting request's, not the tx's.
   */
  onStored?: ((ctx: Ctx, events: StoredIngestEvent[]) => NewEvent[]) | undefined;
}

export interface TimelineEntryInput {
  /** What happened, e.g. order.placed, cart.abandoned, conversation.started. */
  kind: string;
  channelId: string | null;
  occurredAt: Date;
  /** The other module's record id; recording the same ref twice stores it once. */
  ref: string;
  properties?: Record<string, unknown>;
}

/** Why a merge review could not be decided. */
export interface ReviewRefusal {
  reason: 'not_found' | 'already_decided' | 'merge_failed';
  message: string;
}

/**
 * The customers module's service, declared: each method is delegated by name to the use case that
 * owns it, so two use cases can never silently shadow each other's method.
 */
export interface IdentifyInput {
  channelId: string;
  identifiers: IdentifierInput[];
  traits?: Record<string, unknown>;
  /**
   * The identify event's id in its source, when the caller has a stable one (an inbound message's
   * provider id): a retry is then a duplicate, written nowhere, answered with the profile it reached.
   */
  messageId?: string;
}

export type IdentifyResult = Result<
  {
    customerId: string;
    /**
     * The profile ids of the customer's cluster as this identify wrote it (null when it wrote nothing,
     * e.g. a duplicate: read them with `subjects`).
     */
    profileIds: string[] | null;
  },
  { reason: 'invalid_identifiers'; errors: Array<{ path: string; message: string }> }
>;

export interface CustomersService {
  /** The identity rules in force (defaults merged with the options). */
  readonly rules: IdentityRules;
  /** The journey-stage thresholds in force. */
  readonly thresholds: StageThresholds;

  // Ingestion and identity (for connectors and other modules' flows)
  /** Stores a source's events: identity resolution, merges, traits, consent, stage; one result per event. */
  ingest(ctx: Ctx, source: IngestSource, events: IngestEventInput[]): Promise<IngestEventResult[]>;
  /**
   * Finds or creates the customer these identifiers belong to (merging as ingestion would) and
   * returns its id; for flows such as marketplace orders whose buyer must be recognised.
   */
  identify(ctx: Ctx, input: IdentifyInput): Promise<IdentifyResult>;
  /** identify for many at once, committed in one ingest batch when they can; one result each, in order. */
  identifyMany(ctx: Ctx, inputs: ReadonlyArray<IdentifyInput>): Promise<IdentifyResult[]>;
  /** Adds an entry (an order, a cart, a conversation…) to a customer's cross-channel timeline. */
  recordTimelineEntry(ctx: Ctx, customerId: string, entry: TimelineEntryInput): Promise<void>;
  /**
   * For each customer, the identifiers of these types its cluster has (one read for all); null for an
   * erased customer, none for an unknown one.
   */
  identifiersOfCustomers(
    ctx: Ctx,
    customerIds: string[],
    types: string[],
  ): Promise<Map<string, Array<{ type: string; value: string }> | null>>;
  /** Several timeline entries in one transaction; one whose customer is unknown or erased is skipped. */
  recordTimelineEntries(
    ctx: Ctx,
    items: ReadonlyArray<{ customerId: string; entry: TimelineEntryInput }>,
  ): Promise<void>;

  // Consent and stage
  /**
   * May this customer be contacted for `purpose` on `channel` at `at` (default now)? The one
   * answer every sender and forwarder asks; a no carries its reason (no_consent, denied, revoked,
   * suppressed: a suppressed customer is never contacted).
   */
  mayContact(
    ctx: Ctx,
    customerId: string,
    purpose: string,
    channel: string,
    at?: Date,
  ): Promise<ContactDecision>;
  /** A customer's consent (null when unknown or erased): the decisions of its whole cluster. */
  consentState(ctx: Ctx, customerId: string): Promise<ConsentState | null>;
  /** consentState for many customers at once (two reads for all), by asked id; unknown and erased ones are left out. */
  consentStates(ctx: Ctx, customerIds: string[]): Promise<Map<string, ConsentState>>;
  /** Records a consent decision for a purpose on one channel ('*' = every channel); returns the root profile id. */
  setConsent(
    ctx: Ctx,
    customerId: string,
    input: { purpose: string; channel: string; granted: boolean; sourceChannelId?: string | null },
  ): Promise<string>;
  /**
   * Moves buyers whose last order is getting old to at risk, then lapsed, and customers whose cart
   * sat idle for the window to cart abandoner; returns how many stages changed.
   */
  refreshStages(ctx: Ctx, o?: { batchSize?: number; maxBatches?: number }): Promise<number>;

  // Edits by id (on the surviving profile; `once` makes a workflow action happen once per ref)
  /** Adds and removes tags (trimmed, lower case); emits customer.tags_changed when something changed. */
  changeTags(
    ctx: Ctx,
    id: string,
    input: { add?: string[]; remove?: string[]; channelId?: string | null; once?: OnceEntry },
  ): Promise<TagChangeResult>;
  /** Sets traits newest-wins, as ingestion does; `changed` lists the keys whose shown value changed. */
  updateTraits(
    ctx: Ctx,
    id: string,
    input: { traits: Record<string, unknown>; channelId?: string | null; at?: Date; once?: OnceEntry },
  ): Promise<TraitUpdateResult>;

  // The single customer view
  /** The surviving profile of a customer's cluster, its members and their ids (404 when erased or unknown). */
  resolveCluster(
    ctx: Ctx,
    id: string,
  ): Promise<{ root: ProfileState; cluster: ProfileState[]; ids: string[] }>;
  /**
   * Many customers at once (one statement), by any of their profile ids: each asked id → its
   * cluster, stage and, with facts, traits, tags and consent. Erased and unknown ids are left out.
   */
  subjects(ctx: Ctx, ids: string[], o: { facts: boolean }): Promise<Map<string, CustomerSubject>>;
  /** A page of surviving (not erased) customers' ids in id order, for jobs that visit everyone. */
  customerIds(ctx: Ctx, o: { after: string | null; limit: number }): Promise<string[]>;
  /** A page of live customers (by id) whose newest order fell in [from, to), with its time. */
  lastOrderedIn(
    ctx: Ctx,
    o: { from: Date; to: Date; after: string | null; limit: number },
  ): Promise<Array<{ id: string; lastOrderAt: Date }>>;
  /**
   * Live customers whose birthday trait (the cluster's newest; YYYY-MM-DD or --MM-DD) falls on one of
   * these month-days (MM-DD), with their time zone trait: what the birthday journey's sweep asks.
   */
  birthdaysOn(ctx: Ctx, monthDays: string[]): Promise<BirthdayRow[]>;
  /** A page of stored events with one of these names since a time, in id order (for backfills). */
  eventsNamed(
    ctx: Ctx,
    q: { names: string[]; since: Date; after: string | null; limit: number },
  ): Promise<NamedEventRow[]>;
  /** Stored events by source and message id (those handed over by onStored), in that order. */
  storedEvents(ctx: Ctx, refs: Array<{ sourceId: string; messageId: string }>): Promise<StoredIngestEvent[]>;
  /** The single customer view: profile, identities, consent, tags, value and the newest timeline entries. */
  view(ctx: Ctx, id: string, o?: { timelineLimit?: number }): Promise<CustomerView>;
  /** A page of the cross-channel timeline of the whole cluster, newest first. */
  timeline(ctx: Ctx, id: string, o?: { limit?: number; cursor?: string | undefined }): Promise<TimelinePage>;
  /** Customers by email, phone, external id ("type:value"), name (part of a name trait) or tag. */
  search(
    ctx: Ctx,
    q: {
      email?: string | undefined;
      phone?: string | undefined;
      externalId?: string | undefined;
      name?: string | undefined;
      tag?: string | undefined;
    },
    limit?: number,
  ): Promise<CustomerSummary[]>;
  /** Why each identifier was linked to (or kept from) the cluster, oldest first. */
  identityLog(ctx: Ctx, id: string): Promise<IdentityLogEntry[]>;

  // Merges and their review queue
  /** Merges the clusters of two profiles; force skips the protection rules (a person decided). */
  merge(
    ctx: Ctx,
    a: string,
    b: string,
    o: { reason: string; force?: boolean; evidence?: Record<string, unknown> },
  ): Promise<Result<MergeRecord, MergeRefusal>>;
  /** Reverses a merge: the loser's cluster stands on its own again. */
  unmerge(ctx: Ctx, mergeId: string): Promise<Result<MergeRecord, UnmergeRefusal>>;
  /** A person approves a held-back merge: the profiles merge now. */
  approveReview(ctx: Ctx, id: string): Promise<Result<MergeReview, ReviewRefusal>>;
  /** A person rejects a held-back merge: the profiles stay apart. */
  rejectReview(ctx: Ctx, id: string): Promise<Result<MergeReview, ReviewRefusal>>;
  /** Merge reviews in a status (default open), oldest first. */
  listReviews(ctx: Ctx, status?: MergeReview['status'], limit?: number): Promise<MergeReview[]>;
  /** The merges these profiles took part in, as winner or loser, oldest first. */
  listMerges(ctx: Ctx, profileIds: string[]): Promise<MergeRecord[]>;

  // The retailer's identity configuration (over the hub's defaults; every node applies it within 5 s)
  /** The identity configuration in force, the defaults, and who changed it when. */
  identityConfig(ctx: Ctx): Promise<IdentityConfigView>;
  /** Replaces the identity configuration; invalid rules are a validation error naming the field. */
  setIdentityConfig(ctx: Ctx, input: IdentityConfig): Promise<IdentityConfigView>;

  // Sources (write keys) and shared devices
  /** Creates a source; the write key is returned only here. */
  createSource(ctx: Ctx, input: SourceInput): Promise<Source & { writeKey: string }>;
  /** The sources, of one channel when given. */
  listSources(ctx: Ctx, channelId?: string | null): Promise<Source[]>;
  /** Revokes a source: its write key stops working at once. */
  revokeSource(ctx: Ctx, id: string): Promise<Source>;
  /** The source of a write key, or null when the key is unknown or revoked. */
  authenticate(ctx: Ctx, writeKey: string): Promise<IngestSource | null>;
  /** Marks a device id as shared (a till, a kiosk): it never links the people who use it. */
  addSharedDevice(ctx: Ctx, value: string, note?: string): Promise<void>;
  /** Unmarks a shared device; false when it was not marked. */
  removeSharedDevice(ctx: Ctx, value: string): Promise<boolean>;
  /** The devices marked as shared. */
  listSharedDevices(ctx: Ctx): Promise<Array<{ value: string; note: string | null; createdAt: Date }>>;

  // Privacy (GDPR)
  /**
   * Who an erasure is about, read before anything is erased: the cluster's profiles and their
   * identifier values, for the other modules to find their records. Takes the identity lock.
   */
  erasureSubjectOf(
    ctx: Ctx,
    id: string,
  ): Promise<{ customerId: string; profileIds: string[]; identifiers: string[] }>;
  /** Everything stored about a customer's cluster, for a data subject access request. */
  exportCustomer(ctx: Ctx, id: string): Promise<CustomerExport>;
  /** Erases a customer's cluster (personal data gone, ids kept as tombstones); returns the receipt. */
  eraseCustomer(ctx: Ctx, id: string, reason?: string): Promise<ErasureReceipt>;
  /** The profile holding an identifier (normalized as ingestion does), or null. */
  customerOfIdentifier(ctx: Ctx, identifier: IdentifierInput): Promise<string | null>;
  /** Suppress only: new events carrying the subject's identifiers are dropped; stored data stays. */
  suppress(ctx: Ctx, subject: RegulationSubject, reason?: string): Promise<SuppressionReceipt>;
  /** Lifts suppressions and erasure tombstones of the subject's identifiers. */
  unsuppress(ctx: Ctx, subject: RegulationSubject, reason?: string): Promise<SuppressionReceipt>;
  /** Tombstones for an identifier no profile holds (a deletion request for someone unknown). */
  tombstoneIdentifier(ctx: Ctx, identifier: IdentifierInput): Promise<number>;
  /** Records a regulation carried out (call it in the transaction that did the work). */
  recordRegulation(ctx: Ctx, input: RegulationRecordInput): Promise<RegulationRecord>;
  /** The regulations carried out, newest first; `next` is the `before` of the following page. */
  listRegulations(ctx: Ctx, q: RegulationQuery): Promise<{ items: RegulationRecord[]; next: string | null }>;
}
