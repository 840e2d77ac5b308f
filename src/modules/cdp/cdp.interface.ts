// The CDP module's surface, declared: audiences and their members, computed trait definitions,
// destinations, the tracking plan, and the writes the CDP flow makes as events arrive.
import type { Ctx } from '../../platform/context.js';
import type {
  Audience,
  AudienceInput,
  AudienceMember,
  ComputedTrait,
  ComputedTraitInput,
  Destination,
  DestinationInput,
  TrackingPlanEntry,
  TrackingViolation,
} from './cdp.types.js';
import type { Membership, ProfileEventRow, ViolationCount } from './membership.repository.js';
import type { CountedEvent } from './rules.js';
import type { PlanCheck } from './tracking-plan.js';

/** Everything the CDP flow evaluates, loaded together and cached briefly (see definitions()). */
export interface CdpDefinitions {
  /** Moves on every local change (a process never evaluates with its own stale definitions). */
  version: number;
  audiences: Audience[];
  computedTraits: ComputedTrait[];
  destinations: Destination[];
  plan: Map<string, PlanCheck>;
  /** Event names some active audience or computed trait counts, with the properties they read. */
  countedEvents: Map<string, Set<string>>;
  /** The longest window any of them looks back, in days. */
  windowDays: number;
}

export interface MembershipChange {
  enter: Array<Membership & { causedBy: string | null }>;
  exit: Array<Membership & { reason: 'no_longer_matches' | 'audience_changed' | 'merged' | 'erased' }>;
}

export interface CdpService {
  // Audiences
  /** Saves an audience (its key must be new); members are evaluated as events and changes arrive. */
  createAudience(ctx: Ctx, input: AudienceInput): Promise<Audience>;
  /** Every audience with its member count. */
  listAudiences(ctx: Ctx): Promise<Audience[]>;
  /** An audience by id or key, or 404. */
  getAudience(ctx: Ctx, idOrKey: string): Promise<Audience>;
  /** Changes an audience's name, rule or status; a paused audience keeps its members frozen. */
  updateAudience(ctx: Ctx, idOrKey: string, patch: Partial<AudienceInput>): Promise<Audience>;
  /** Deletes an audience; each member gets audience.exited (audience_deleted). */
  deleteAudience(ctx: Ctx, idOrKey: string): Promise<void>;
  /** A page of an audience's members, by customer id. */
  members(
    ctx: Ctx,
    idOrKey: string,
    o: { after?: string | undefined; limit: number },
  ): Promise<{ items: AudienceMember[]; next: string | null }>;
  /** The audiences these customers are in (by customer id). */
  membershipsOf(ctx: Ctx, customerIds: string[]): Promise<Membership[]>;
  /** Writes entries and exits with their audience.entered / audience.exited events, in one transaction. */
  applyMemberships(ctx: Ctx, change: MembershipChange): Promise<{ entered: number; exited: number }>;

  // Computed traits
  /** Saves a computed trait definition (its trait key must be new). */
  createComputedTrait(ctx: Ctx, input: ComputedTraitInput): Promise<ComputedTrait>;
  /** Every computed trait definition. */
  listComputedTraits(ctx: Ctx): Promise<ComputedTrait[]>;
  /** Changes a definition (window, aggregate, status). */
  updateComputedTrait(ctx: Ctx, id: string, patch: Partial<ComputedTraitInput>): Promise<ComputedTrait>;
  /** Deletes a definition; values already written stay as ordinary traits. */
  deleteComputedTrait(ctx: Ctx, id: string): Promise<void>;

  // Counted events
  /** Keeps the events definitions count (only their names and the properties they read). */
  recordEvents(ctx: Ctx, rows: ProfileEventRow[]): Promise<void>;
  /** The counted events of a cluster's profiles since a time. */
  eventsOf(
    ctx: Ctx,
    profileIds: string[],
    names: string[],
    since: Date,
  ): Promise<Array<CountedEvent & { profileId: string }>>;

  // Destinations
  /** Saves a destination: raw events forwarded to a webhook endpoint, filtered and mapped. */
  createDestination(ctx: Ctx, input: DestinationInput): Promise<Destination>;
  /** Every destination with its counters. */
  listDestinations(ctx: Ctx): Promise<Destination[]>;
  /** A destination, or 404. */
  getDestination(ctx: Ctx, id: string): Promise<Destination>;
  /** Changes a destination. */
  updateDestination(ctx: Ctx, id: string, patch: Partial<DestinationInput>): Promise<Destination>;
  /** Deletes a destination (deliveries already queued are sent). */
  deleteDestination(ctx: Ctx, id: string): Promise<void>;
  /** Adds to a destination's forwarded / filtered / suppressed counters. */
  countForwarding(
    ctx: Ctx,
    id: string,
    n: { forwarded: number; filtered: number; suppressed: number },
  ): Promise<void>;

  // Tracking plan
  /** Sets the JSON Schema of an event name's properties (422 when it does not compile). */
  putPlanEntry(
    ctx: Ctx,
    eventName: string,
    input: { schema: Record<string, unknown>; block?: boolean },
  ): Promise<TrackingPlanEntry>;
  /** The tracking plan, by event name. */
  listPlan(ctx: Ctx): Promise<TrackingPlanEntry[]>;
  /** Removes an event name from the plan, and its violation counters. */
  deletePlanEntry(ctx: Ctx, eventName: string): Promise<void>;
  /** Violations per event name: counts, blocked, and the newest example. */
  violations(ctx: Ctx): Promise<TrackingViolation[]>;
  /** Adds to the violation counters. */
  recordViolations(ctx: Ctx, list: ViolationCount[]): Promise<void>;

  /** The definitions the flow evaluates, cached per process for up to 2 s (local changes at once). */
  definitions(ctx: Ctx): Promise<CdpDefinitions>;
  /**
   * The definitions last loaded, without waiting for a read (the ingest hook's cheap path); when
   * they are stale a reload starts in the background. Undefined until the first load.
   */
  cachedDefinitions(ctx: Ctx): CdpDefinitions | undefined;
}

export interface CdpOptions {
  /** Whether a webhook endpoint exists (the integrations module, passed in by the hub). */
  endpointExists?: ((ctx: Ctx, endpointId: string) => Promise<boolean>) | undefined;
  /** How long another node's definition change may take to show here (default 2 s). */
  definitionsTtlMs?: number;
}
