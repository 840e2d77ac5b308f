// The webhook delivery queue: fan-out from the event log (consent and transforms applied), claims
// and leases per subject head, the retry schedule with Retry-After and 410 handling, and the
// dead-letter queue with replay.

import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent, findEvent, type StoredEvent } from '../../platform/events/event-log.js';
import { INTEGRATION_EVENTS } from './integrations.events.js';
import type {
  ClaimedDelivery,
  Delivery,
  DeliveryOutcome,
  EndpointWithSecrets,
  RecordedOutcomes,
} from './integrations.types.js';
import {
  MAX_RETRY_AFTER_MS,
  matchesType,
  parkedOf,
  renderBody,
  SEND,
  STANDARD_RETRY_SCHEDULE_MS,
  type WebhooksDeps,
} from './webhook-body.js';
import { consentGate } from './webhook-consent.js';
import { activeSecrets, disableEndpointRow, selectEndpoint } from './webhook-endpoints.repository.js';
import type { EndpointAccess } from './webhook-endpoints.service.js';
import {
  claimDueDeliveries,
  confirmLeases,
  extendLeases,
  type FailureUpdate,
  markDelivered,
  markFailed,
  releaseLeases,
} from './webhook-leases.repository.js';
import {
  insertDeliveries,
  insertParkedDeliveries,
  type NewDelivery,
  promoteHeads,
  requeueDead,
  selectDeliveries,
  selectDelivery,
  selectHealth,
  selectParked,
  updateParked,
} from './webhooks.repository.js';

/** The delivery half of the webhooks service. */
export function deliveryQueue(access: EndpointAccess, deps: WebhooksDeps) {
  const schedule = deps.retryScheduleMs ?? STANDARD_RETRY_SCHEDULE_MS;
  const { secrets, load, changed, activeEndpoints } = access;

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

  return {
    /**
     * Fan-out from the event log: one queued delivery per matching (active endpoint, event). With
     * `claim`, the new subject heads are leased to that sender at once and returned ready to send
     * (its loops skip a claim round trip); a dead sender's leases expire like any other.
     */
    async enqueueForEvents(
      ctx: Ctx,
      events: StoredEvent[],
      claim?: { owner: string; leaseMs: number },
      batch?: { resumed?: boolean | undefined },
    ): Promise<{ queued: number; claimed: ClaimedDelivery[] }> {
      const endpoints = await activeEndpoints.get(ctx, { events, resumed: batch?.resumed });
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
      handoff?: { leaseMs: number },
    ): Promise<RecordedOutcomes> {
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
      const next = await markDelivered(
        ctx.db,
        lease,
        delivered,
        now,
        handoff ? { leaseUntil: new Date(now.getTime() + handoff.leaseMs) } : undefined,
      );
      // Only dead-lettered heads free their subject; a retried head stays the head.
      const afterDead = await promoteHeads(ctx.db, await markFailed(ctx.db, lease, failed), now);
      for (const endpointId of gone) {
        await inTransaction(ctx, async (tx) => {
          if (await disableEndpointRow(tx.db, endpointId, 'the receiver answered 410 Gone', now)) {
            const e = await selectEndpoint(tx.db, endpointId);
            if (e) await changed(tx, e, 'disabled_gone');
          }
        });
      }
      const dead = failed.filter((f) => f.nextAttemptAt === null).length;
      return {
        delivered: delivered.length,
        retried: failed.length - dead,
        dead,
        promoted: next.promoted + afterDead,
        handedOff: next.handedOff.map(secrets.openClaimed),
      };
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
