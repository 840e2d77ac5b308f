// Outbound webhook rules: which events go to which endpoint (type and channel filters), what body
// each gets (Standard Webhooks JSON or a CloudEvent, optionally reshaped by JSONata), the retry
// schedule, 410 and Retry-After handling, and the dead-letter queue with replay.

import { randomBytes } from 'node:crypto';
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { toCloudEvent } from '../../platform/events/cloudevents.js';
import { appendEvent, findEvent, type StoredEvent } from '../../platform/events/event-log.js';
import { checkJsonata, evaluateJsonata } from '../../platform/jsonata.js';
import { createSecretBox, type SecretBox } from '../../platform/secrets/secret-box.js';
import { INTEGRATION_EVENTS } from './integrations.events.js';
import {
  type ClaimedDelivery,
  type Delivery,
  type DeliveryOutcome,
  type Endpoint,
  type EndpointHealth,
  EndpointInput,
  type EndpointPatch,
  type EndpointWithSecrets,
} from './integrations.types.js';
import {
  type ConsentPayload,
  type ContactConsentPort,
  consentGate,
  type GateResult,
} from './webhook-consent.js';
import {
  activeSecrets,
  deleteEndpointRow,
  disableEndpointRow,
  insertEndpoint as insertEndpointRow,
  selectEndpoint,
  selectEndpoints,
  updateEndpointRow as updateEndpointStored,
} from './webhook-endpoints.repository.js';
import { endpointSecrets } from './webhook-secrets.js';
import { testDeliveryOf, testEventFor } from './webhook-test.js';
import {
  claimDueDeliveries,
  confirmLeases,
  extendLeases,
  type FailureUpdate,
  insertDeliveries,
  insertParkedDeliveries,
  markDelivered,
  markFailed,
  type NewDelivery,
  promoteHeads,
  releaseLeases,
  requeueDead,
  selectDeliveries,
  selectDelivery,
  selectHealth,
  selectParked,
  updateParked,
} from './webhooks.repository.js';

/** The Standard Webhooks schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const STANDARD_RETRY_SCHEDULE_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];
/** Longest Retry-After we honour; beyond it the regular schedule applies. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

export interface WebhooksDeps {
  /** Delays between attempts; its length is the number of retries before the dead-letter queue. */
  retryScheduleMs?: number[];
  /** Refuses target URLs the hub must not call (SSRF guard); throws AppError. */
  checkTargetUrl?: (url: string) => Promise<void>;
  /** Seals endpoint secrets at rest (OMNIHUB_SECRETS_KEY); none = stored as given. */
  secrets?: SecretBox | undefined;
  /** Customers' consent, for endpoints and rule actions with a purpose (none: those send nothing about customers). */
  consent?: ContactConsentPort | undefined;
}

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const publicEndpoint = (e: EndpointWithSecrets): Endpoint => {
  const { secret: _s, previousSecret: _p, previousSecretExpiresAt: _x, ...rest } = e;
  return rest;
};

export function matchesType(filters: readonly string[], type: string): boolean {
  if (filters.length === 0) return true;
  return filters.some(
    (f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))),
  );
}

const checkTransform = (expr: string | null | undefined) => checkJsonata(expr, 'transform');

/** The bytes an endpoint receives for an event. */
export async function renderBody(
  e: Pick<Endpoint, 'format' | 'transform'>,
  event: StoredEvent,
  /** The customer's consent, for endpoints that include it (null: the event is about no customer). */
  consent?: ConsentPayload | null,
): Promise<{ body: string; contentType: string }> {
  const cloud = toCloudEvent(event);
  const extra = consent === undefined ? {} : { consent };
  let data: unknown = event.payload;
  if (e.transform) data = await evaluateJsonata(e.transform, { ...cloud, ...extra }, 'The transform');
  if (e.format === 'cloudevents') {
    return {
      body: JSON.stringify({ ...cloud, data, ...extra }),
      contentType: 'application/cloudevents+json',
    };
  }
  return {
    body: JSON.stringify({
      type: event.type,
      timestamp: event.occurredAt.toISOString(),
      subject: event.subject,
      eventId: event.id,
      ...(event.channelId ? { channelId: event.channelId } : {}),
      data,
      ...extra,
    }),
    contentType: 'application/json',
  };
}

const SEND: GateResult = { send: true };

/** A delivery kept without a body: parked (its transform failed) or suppressed (consent said no). */
const parkedOf = (endpointId: string, event: StoredEvent, eventId: string, error: string) => ({
  id: newId('msg'),
  endpointId,
  eventId,
  eventType: event.type,
  subject: event.subject,
  eventOccurredAt: event.occurredAt,
  error,
});

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
  /** Safety net for a completion and an enqueue that raced: promotes any subject left without a head. */
  repairQueue(ctx: Ctx): Promise<void>;
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
  ): Promise<{ delivered: number; retried: number; dead: number }>;
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
  const schedule = deps.retryScheduleMs ?? STANDARD_RETRY_SCHEDULE_MS;
  const checkUrl = deps.checkTargetUrl ?? (async () => {});
  const secrets = endpointSecrets(deps.secrets ?? createSecretBox(undefined));
  const insertEndpoint = (exec: Executor, e: EndpointWithSecrets) => insertEndpointRow(exec, secrets.seal(e));
  const updateEndpointRow = (exec: Executor, e: EndpointWithSecrets) =>
    updateEndpointStored(exec, secrets.seal(e));

  async function load(ctx: Ctx, id: string, forUpdate = false): Promise<EndpointWithSecrets> {
    const e = await selectEndpoint(ctx.db, id, forUpdate);
    if (!e || (ctx.actor.channelId && e.channelId !== ctx.actor.channelId))
      throw notFound('webhook endpoint', id);
    return secrets.open(e);
  }

  /** Parked deliveries rendered again with the endpoint's transform now; those still failing stay parked. */
  async function renderParked(tx: Ctx, e: EndpointWithSecrets, ids?: string[]): Promise<void> {
    const gate = consentGate(tx, deps.consent);
    for (const p of await selectParked(tx.db, { endpointId: e.id, ...(ids ? { ids } : {}) })) {
      const event = await findEvent(tx.db, p.eventId);
      if (!event) {
        await updateParked(tx.db, p.id, { error: 'the event is no longer in the log' });
        continue;
      }
      try {
        // Rendered as a first delivery is: consent asked again now, and carried when the endpoint wants it.
        const allowed = e.purpose || e.includeConsent ? await gate(e, event) : SEND;
        if (!allowed.send) {
          await updateParked(tx.db, p.id, { error: allowed.reason });
          continue;
        }
        await updateParked(tx.db, p.id, await renderBody(e, event, allowed.consent));
      } catch (err) {
        await updateParked(tx.db, p.id, { error: (err as Error).message });
      }
    }
  }

  async function changed(tx: Ctx, e: EndpointWithSecrets, what: string) {
    await appendEvent(tx, {
      type: INTEGRATION_EVENTS.endpointChanged,
      subject: e.id,
      channelId: e.channelId,
      payload: { endpointId: e.id, change: what, status: e.status, url: e.url },
    });
  }

  return {
    async createEndpoint(ctx: Ctx, input: EndpointInput): Promise<{ endpoint: Endpoint; secret: string }> {
      const parsed = EndpointInput.parse(input);
      checkTransform(parsed.transform);
      await checkUrl(parsed.url);
      const now = ctx.clock.now();
      const secret = parsed.secret ?? newWebhookSecret();
      return inTransaction(ctx, async (tx) => {
        const created = await insertEndpoint(tx.db, {
          id: newId('whk'),
          url: parsed.url,
          description: parsed.description,
          types: parsed.types,
          channelId: ctx.actor.channelId ?? parsed.channelId,
          format: parsed.format,
          transform: parsed.transform,
          purpose: parsed.purpose,
          includeConsent: parsed.includeConsent,
          status: 'active',
          disabledReason: null,
          secret,
          previousSecret: null,
          previousSecretExpiresAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await changed(tx, created, 'created');
        return { endpoint: publicEndpoint(created), secret };
      });
    },

    async updateEndpoint(ctx: Ctx, id: string, patch: EndpointPatch): Promise<Endpoint> {
      checkTransform(patch.transform);
      if (patch.url) await checkUrl(patch.url);
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        const next: EndpointWithSecrets = { ...current, ...patch, updatedAt: ctx.clock.now() };
        if (patch.status === 'active') next.disabledReason = null;
        if (patch.status === 'disabled' && current.status === 'active')
          next.disabledReason = 'disabled by user';
        const updated = await updateEndpointRow(tx.db, next);
        await changed(tx, updated, 'updated');
        return publicEndpoint(updated);
      });
    },

    /** A new secret signs from now on; the old one keeps signing too until `graceSeconds` pass. */
    async rotateSecret(
      ctx: Ctx,
      id: string,
      opts: { secret?: string | undefined; graceSeconds?: number | undefined } = {},
    ): Promise<{ endpoint: Endpoint; secret: string; previousSecretExpiresAt: Date }> {
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        const now = ctx.clock.now();
        const expires = new Date(now.getTime() + (opts.graceSeconds ?? 24 * 3600) * 1000);
        const secret = opts.secret ?? newWebhookSecret();
        const updated = await updateEndpointRow(tx.db, {
          ...current,
          secret,
          previousSecret: current.secret,
          previousSecretExpiresAt: expires,
          updatedAt: now,
        });
        await changed(tx, updated, 'secret_rotated');
        return { endpoint: publicEndpoint(updated), secret, previousSecretExpiresAt: expires };
      });
    },

    async deleteEndpoint(ctx: Ctx, id: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        await deleteEndpointRow(tx.db, id);
        await changed(tx, current, 'deleted');
      });
    },

    getEndpoint: async (ctx: Ctx, id: string): Promise<Endpoint> => publicEndpoint(await load(ctx, id)),

    async testDelivery(ctx: Ctx, endpointId: string): Promise<ClaimedDelivery> {
      const e = await load(ctx, endpointId);
      const event = testEventFor(ctx, e);
      // Consent is about a customer; a test is about none (null: included as "no customer").
      return testDeliveryOf(ctx, e, await renderBody(e, event, e.includeConsent ? null : undefined), event);
    },

    async listEndpoints(ctx: Ctx): Promise<Endpoint[]> {
      return (await selectEndpoints(ctx.db, { channelId: ctx.actor.channelId })).map(publicEndpoint);
    },

    /**
     * Fan-out from the event log: one queued delivery per matching (active endpoint, event). With
     * `claim`, the new subject heads are leased to that sender at once and returned ready to send
     * (its loops skip a claim round trip); a dead sender's leases expire like any other.
     */
    async enqueueForEvents(
      ctx: Ctx,
      events: StoredEvent[],
      claim?: { owner: string; leaseMs: number },
    ): Promise<{ queued: number; claimed: ClaimedDelivery[] }> {
      const endpoints = await selectEndpoints(ctx.db, { activeOnly: true });
      if (endpoints.length === 0) return { queued: 0, claimed: [] };
      const list: NewDelivery[] = [];
      const parked: Parameters<typeof insertParkedDeliveries>[1] = [];
      const suppressed: Parameters<typeof insertParkedDeliveries>[1] = [];
      const gate = consentGate(ctx, deps.consent);
      for (const event of events) {
        for (const e of endpoints) {
          if (!matchesType(e.types, event.type)) continue;
          if (e.channelId && event.channelId && e.channelId !== event.channelId) continue;
          // Only endpoints with a purpose or includeConsent pay for the consent read.
          const allowed = e.purpose || e.includeConsent ? await gate(e, event) : SEND;
          if (!allowed.send) {
            suppressed.push(parkedOf(e.id, event, event.id, allowed.reason));
            continue;
          }
          let rendered: { body: string; contentType: string };
          try {
            rendered = await renderBody(e, event, allowed.consent);
          } catch (err) {
            // A transform that fails on one event must not stop the others; that delivery is parked
            // in the dead-letter queue with the reason, to replay once the transform is fixed.
            parked.push(parkedOf(e.id, event, event.id, (err as Error).message));
            continue;
          }
          list.push({
            id: newId('msg'),
            endpointId: e.id,
            eventId: event.id,
            eventType: event.type,
            subject: event.subject,
            eventOccurredAt: event.occurredAt,
            ...rendered,
          });
        }
      }
      const now = ctx.clock.now();
      await insertParkedDeliveries(ctx.db, parked, now);
      await insertParkedDeliveries(ctx.db, suppressed, now, 'suppressed');
      const written = await insertDeliveries(
        ctx.db,
        list,
        now,
        claim ? { owner: claim.owner, leaseUntil: new Date(now.getTime() + claim.leaseMs) } : undefined,
      );
      const claimedIds = new Set(written.filter((w) => w.claimed).map((w) => w.id));
      if (claimedIds.size === 0) return { queued: written.length, claimed: [] };
      const byId = new Map(endpoints.map((e) => [e.id, e]));
      const claimed = list
        .filter((d) => claimedIds.has(d.id))
        .map((d) => {
          const e = byId.get(d.endpointId)!;
          return secrets.openClaimed({
            id: d.id,
            endpointId: d.endpointId,
            url: e.url,
            body: d.body,
            contentType: d.contentType,
            attempts: 1,
            secrets: activeSecrets(e, now),
            eventOccurredAt: d.eventOccurredAt,
          });
        });
      return { queued: written.length, claimed };
    },

    /**
     * Queues one event for one endpoint regardless of its type filter (a workflow rule's webhook
     * action); `dedupeKey` makes a re-run of the same rule on the same event queue nothing.
     */
    async enqueueForEndpoint(
      ctx: Ctx,
      endpointId: string,
      event: StoredEvent,
      dedupeKey: string,
      /** The action's contact purpose (else the endpoint's): consent decides, a no is logged. */
      purpose?: string | null,
    ): Promise<boolean> {
      const e = await selectEndpoint(ctx.db, endpointId);
      if (e?.status !== 'active') return false;
      const allowed = await consentGate(ctx, deps.consent)(e, event, purpose);
      if (!allowed.send) {
        await insertParkedDeliveries(
          ctx.db,
          [parkedOf(e.id, event, dedupeKey, allowed.reason)],
          ctx.clock.now(),
          'suppressed',
        );
        return false;
      }
      const rendered = await renderBody(e, event, allowed.consent);
      const n = await insertDeliveries(
        ctx.db,
        [
          {
            id: newId('msg'),
            endpointId,
            eventId: dedupeKey,
            eventType: event.type,
            subject: event.subject,
            eventOccurredAt: event.occurredAt,
            ...rendered,
          },
        ],
        ctx.clock.now(),
      );
      return n.length > 0;
    },

    /** Leased deliveries a stopping sender never sent: due again at once for any node. */
    releaseClaims: (ctx: Ctx, owner: string, ids: string[]) =>
      releaseLeases(ctx.db, owner, ids, ctx.clock.now()),
    renewClaims: (ctx: Ctx, owner: string, ids: string[], leaseMs: number) =>
      extendLeases(ctx.db, owner, ids, { leaseMs, now: ctx.clock.now() }),
    confirmClaims: (ctx: Ctx, owner: string, ids: string[], leaseMs: number) =>
      confirmLeases(ctx.db, owner, ids, { leaseMs, now: ctx.clock.now() }),

    /** Safety net for a completion and an enqueue that raced: promotes any subject left without a head. */
    repairQueue: (ctx: Ctx) => promoteHeads(ctx.db, null, ctx.clock.now()),

    claimDeliveries: async (
      ctx: Ctx,
      opts: { owner: string; limit: number; leaseMs: number },
    ): Promise<ClaimedDelivery[]> =>
      (await claimDueDeliveries(ctx.db, { ...opts, now: ctx.clock.now() })).map(secrets.openClaimed),

    /** Applies the senders' results: done, retry later on the schedule, or dead-letter. */
    async recordOutcomes(
      ctx: Ctx,
      lease: { owner: string; shard: number },
      claimed: ClaimedDelivery[],
      outcomes: DeliveryOutcome[],
    ): Promise<{ delivered: number; retried: number; dead: number }> {
      const now = ctx.clock.now();
      const byId = new Map(claimed.map((c) => [c.id, c]));
      const delivered: Array<{ id: string; statusCode: number }> = [];
      const failed: FailureUpdate[] = [];
      const gone = new Set<string>();
      for (const o of outcomes) {
        const c = byId.get(o.id);
        if (!c) continue;
        if (o.kind === 'delivered') {
          delivered.push({ id: o.id, statusCode: o.statusCode });
          continue;
        }
        if (o.gone) gone.add(c.endpointId);
        const retryIndex = c.attempts - 1;
        let next: Date | null = null;
        if (!o.gone && retryIndex < schedule.length) {
          const base = schedule[retryIndex]!;
          const asked =
            o.retryAfterSeconds !== undefined ? Math.min(o.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS) : 0;
          // ±10 % jitter so a receiver that comes back is not hit by every retry at once.
          const jitter = base * 0.1 * (Math.random() * 2 - 1);
          next = new Date(now.getTime() + Math.max(asked, base + jitter));
        }
        failed.push({ id: o.id, statusCode: o.statusCode, error: o.error, nextAttemptAt: next });
      }
      await markDelivered(ctx.db, lease, delivered, now);
      // Only dead-lettered heads free their subject; a retried head stays the head.
      await promoteHeads(ctx.db, await markFailed(ctx.db, lease, failed), now);
      for (const endpointId of gone) {
        await inTransaction(ctx, async (tx) => {
          if (await disableEndpointRow(tx.db, endpointId, 'the receiver answered 410 Gone', now)) {
            const e = await selectEndpoint(tx.db, endpointId);
            if (e) await changed(tx, e, 'disabled_gone');
          }
        });
      }
      const dead = failed.filter((f) => f.nextAttemptAt === null).length;
      return { delivered: delivered.length, retried: failed.length - dead, dead };
    },

    async listDeliveries(
      ctx: Ctx,
      endpointId: string,
      q: { status?: string | undefined; after?: number | undefined; limit: number },
    ): Promise<{ items: Delivery[]; next: number | null }> {
      await load(ctx, endpointId);
      const items = await selectDeliveries(ctx.db, {
        endpointId,
        status: q.status,
        afterSeq: q.after,
        limit: q.limit,
      });
      const last = items[items.length - 1];
      return {
        items: items.map(({ seq: _seq, ...d }) => d),
        next: items.length === q.limit && last ? last.seq : null,
      };
    },

    async getDelivery(ctx: Ctx, id: string): Promise<Delivery> {
      const d = await selectDelivery(ctx.db, id);
      if (!d) throw notFound('webhook delivery', id);
      await load(ctx, d.endpointId);
      return d;
    },

    /** Replays dead-lettered deliveries (all of an endpoint's, or the given ids) with their original ids. */
    async replayDead(ctx: Ctx, endpointId: string, ids?: string[]): Promise<{ replayed: string[] }> {
      return inTransaction(ctx, async (tx) => {
        const e = await load(tx, endpointId, true);
        if (e.status !== 'active') {
          throw new AppError('endpoint_disabled', 'The endpoint is disabled; enable it before replaying', {
            details: { endpointId, disabledReason: e.disabledReason },
          });
        }
        await renderParked(tx, e, ids);
        const replayed = await requeueDead(tx.db, { endpointId, ...(ids ? { ids } : {}) }, ctx.clock.now());
        if (replayed.length) {
          await appendEvent(tx, {
            type: INTEGRATION_EVENTS.deliveriesReplayed,
            subject: endpointId,
            channelId: e.channelId,
            payload: { endpointId, count: replayed.length },
          });
        }
        return { replayed };
      });
    },

    health: (ctx: Ctx) => selectHealth(ctx.db, ctx.clock.now()),
  };
}
