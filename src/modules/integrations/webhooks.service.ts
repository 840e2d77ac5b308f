// Outbound webhooks: endpoints (webhook-endpoints.service.ts) and their delivery queue
// (webhook-queue.service.ts) behind one service; bodies and defaults in webhook-body.ts.

import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import type {
  ClaimedDelivery,
  Delivery,
  DeliveryOutcome,
  Endpoint,
  EndpointHealth,
  EndpointInput,
  EndpointPatch,
  RecordedOutcomes,
} from './integrations.types.js';
import type { WebhooksDeps } from './webhook-body.js';
import { endpointAccess, endpointAdmin } from './webhook-endpoints.service.js';
import { deliveryQueue } from './webhook-queue.service.js';

export {
  matchesType,
  newWebhookSecret,
  renderBody,
  STANDARD_RETRY_SCHEDULE_MS,
  type WebhooksDeps,
} from './webhook-body.js';

/** Outbound webhook endpoints and their delivery queue (per-subject heads, leases, retries, dead letters). */
export interface WebhooksService {
  /** Creates an endpoint; its signing secret is returned only here. */
  createEndpoint(ctx: Ctx, input: EndpointInput): Promise<{ endpoint: Endpoint; secret: string }>;
  /** Changes an endpoint (URL, filters, format, transform, status). */
  updateEndpoint(ctx: Ctx, id: string, patch: EndpointPatch): Promise<Endpoint>;
  /** A new secret signs from now on; the old one keeps signing too until `graceSeconds` pass. */
  rotateSecret(
    ctx: Ctx,
    id: string,
    opts?: { secret?: string | undefined; graceSeconds?: number | undefined },
  ): Promise<{ endpoint: Endpoint; secret: string; previousSecretExpiresAt: Date }>;
  /** Deletes an endpoint with its queue. */
  deleteEndpoint(ctx: Ctx, id: string): Promise<void>;
  /** An endpoint without its secrets, or 404. */
  getEndpoint(ctx: Ctx, id: string): Promise<Endpoint>;
  /** Every endpoint. */
  listEndpoints(ctx: Ctx): Promise<Endpoint[]>;
  /**
   * Fan-out from the event log: one queued delivery per matching (active endpoint, event). With
   * `claim`, the new subject heads are leased to that sender at once and returned ready to send.
   */
  enqueueForEvents(
    ctx: Ctx,
    events: StoredEvent[],
    claim?: { owner: string; leaseMs: number },
    /** resumed: the fan-out's cursor was just loaded (another node may have read endpoint changes). */
    batch?: { resumed?: boolean | undefined },
  ): Promise<{ queued: number; claimed: ClaimedDelivery[] }>;
  /**
   * Queues one event for one endpoint regardless of its type filter (a workflow rule's webhook
   * action); `dedupeKey` makes a re-run of the same rule on the same event queue nothing.
   */
  enqueueForEndpoint(
    ctx: Ctx,
    endpointId: string,
    event: StoredEvent,
    dedupeKey: string,
    /** The action's contact purpose (else the endpoint's): consent decides, a no is logged. */
    purpose?: string | null,
  ): Promise<boolean>;
  /** Leased deliveries a stopping sender never sent: due again at once for any node. */
  releaseClaims(ctx: Ctx, owner: string, ids: string[]): Promise<void>;
  /** Extends this sender's leases on deliveries it still holds (its heartbeat while it lives). */
  renewClaims(ctx: Ctx, owner: string, ids: string[], leaseMs: number): Promise<void>;
  /**
   * Before sending deliveries that waited under a short lease: the ids this sender still holds,
   * now leased for `leaseMs` (the send); the rest were taken over by another node.
   */
  confirmClaims(ctx: Ctx, owner: string, ids: string[], leaseMs: number): Promise<Set<string>>;
  /** Safety net for a completion and an enqueue that raced: promotes any subject left without a head (how many). */
  repairQueue(ctx: Ctx): Promise<number>;
  /** Leases due deliveries (subject heads) to this sender. */
  claimDeliveries(
    ctx: Ctx,
    opts: { owner: string; limit: number; leaseMs: number },
  ): Promise<ClaimedDelivery[]>;
  /** Applies the senders' results: done, retry later on the schedule, or dead-letter. */
  recordOutcomes(
    ctx: Ctx,
    lease: { owner: string; shard: number },
    claimed: ClaimedDelivery[],
    outcomes: DeliveryOutcome[],
    /** Lease the finished subjects' next deliveries to this sender for `leaseMs` and return them. */
    handoff?: { leaseMs: number },
  ): Promise<RecordedOutcomes>;
  /** A page of an endpoint's deliveries, of one status when given. */
  listDeliveries(
    ctx: Ctx,
    endpointId: string,
    q: { status?: string | undefined; after?: number | undefined; limit: number },
  ): Promise<{ items: Delivery[]; next: number | null }>;
  /** A delivery, or 404. */
  getDelivery(ctx: Ctx, id: string): Promise<Delivery>;
  /** Replays dead-lettered deliveries (all of an endpoint's, or the given ids) with their original ids. */
  replayDead(ctx: Ctx, endpointId: string, ids?: string[]): Promise<{ replayed: string[] }>;
  /** Each endpoint's status, counters and queue depth. */
  health(ctx: Ctx): Promise<EndpointHealth[]>;
  /** A `webhook.test` delivery rendered and signed like a real one, ready to send; nothing is queued. */
  testDelivery(ctx: Ctx, endpointId: string): Promise<ClaimedDelivery>;
}

export function createWebhooksService(deps: WebhooksDeps = {}): WebhooksService {
  const access = endpointAccess(deps);
  return { ...endpointAdmin(access, deps), ...deliveryQueue(access, deps) };
}
