// Runs outbound webhooks from the event log, never on the request path: a durable consumer fans
// committed events out into the delivery queue, and delivery loops on every node lease due
// deliveries (one node per delivery), send them signed, and record the outcome.
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { type Clock, newId } from '../../kernel/index.js';
import type { ClaimedDelivery, RecordedOutcomes, WebhooksService } from '../../modules/integrations/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import { HEARTBEAT_MS, LEASE_MS, onHeartbeat } from '../../platform/events/lease-heartbeat.js';
import { EventNotifier } from '../../platform/events/notifier.js';
import { loopFailureLog } from '../../platform/outage-log.js';
import { createSender, type Sender } from './sender.js';
import { createTargetGuard } from './ssrf-guard.js';

export interface WebhooksOutConfig {
  allowPrivateTargets: boolean;
  retryScheduleMs: number[] | undefined;
  timeoutMs: number;
  /** A delivery's lease without a heartbeat: how soon other nodes take over a dead node's sends. */
  leaseMs: number;
  /** Parallel claim-send-record loops per node, and deliveries each leases at a time. */
  loops: number;
  batchSize: number;
  pollMs: number;
}

/** Webhook settings from the environment (OMNIHUB_WEBHOOK_*), with production defaults. */
export function loadWebhooksConfig(env: NodeJS.ProcessEnv = process.env): WebhooksOutConfig {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
  const schedule = env.OMNIHUB_WEBHOOK_RETRY_SCHEDULE_MS?.trim();
  return {
    allowPrivateTargets:
      env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE === '1' || env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE === 'true',
    retryScheduleMs: schedule ? schedule.split(',').map((s) => Number(s.trim())) : undefined,
    timeoutMs: num(env.OMNIHUB_WEBHOOK_TIMEOUT_MS, 15_000),
    leaseMs: num(env.OMNIHUB_WEBHOOK_LEASE_MS, LEASE_MS),
    loops: num(env.OMNIHUB_WEBHOOK_LOOPS, 4),
    // 250: fewer claim and outcome statements per delivery (100 → 250 took webhook-throughput 4,632 → 5,600/s).
    batchSize: num(env.OMNIHUB_WEBHOOK_BATCH, 250),
    pollMs: num(env.OMNIHUB_WEBHOOK_POLL_MS, 250),
  };
}

export interface WebhookDeliveryStats {
  delivered: number;
  retried: number;
  dead: number;
}

export interface RunningWebhooksOut {
  fanout: RunningConsumer;
  stats: WebhookDeliveryStats;
  /** Wakes the delivery loops (after a replay, in tests). */
  wake(): void;
  stop(): Promise<void>;
}

export function startWebhooksOut(opts: {
  database: Database;
  service: WebhooksService;
  config: WebhooksOutConfig;
  clock: Clock;
  log: Logger;
  sender?: Sender;
  onOutcomes?: (r: WebhookDeliveryStats) => void;
}): RunningWebhooksOut {
  const { database, service, config, log } = opts;
  const ctx: Ctx = createContext(database, { clock: opts.clock, log });
  // The process id in the lease owner tells operators (and the multi-node test) which node holds a lease.
  const owner = `${hostname()}/${process.pid}/${newId('con')}`;
  const sender =
    opts.sender ??
    createSender({
      timeoutMs: config.timeoutMs,
      guard: createTargetGuard({ allowPrivate: config.allowPrivateTargets }),
    });
  const queued = new EventNotifier();
  // Whether a claim may find deliveries this node was told of: heads the fan-out queued without
  // leasing them here, heads a finished send or a repair made pending, a replay. When it is false a
  // woken loop does not claim (the fan-out's wake-ups mostly bring heads already leased here, in
  // `ready`); it still claims at each poll, for other nodes' deliveries and retries that came due.
  let claimable = true;
  const abort = new AbortController();
  setMaxListeners(1000, abort.signal); // every idle loop waits on it
  const stats: WebhookDeliveryStats = { delivered: 0, retried: 0, dead: 0 };
  // Heads the fan-out wrote already leased to this node: the loops send them before claiming more
  // (no claim round trip between an event and its delivery). Bounded, so nothing waits here long
  // enough for its lease to run out; beyond the bound new heads are left for any node's claims.
  const ready: ClaimedDelivery[] = [];
  const readyLimit = 2 * config.batchSize * Math.max(1, config.loops);
  // Batches claimed and being sent: the heartbeat extends their leases (and those of `ready`) while
  // this node lives, so a slow receiver does not hand a live send to another node.
  const sending = new Set<ClaimedDelivery[]>();
  const stopHeartbeat = onHeartbeat(database, () => {
    const ids = [...ready, ...[...sending].flat()].map((d) => d.id);
    return service.renewClaims(ctx, owner, ids, config.leaseMs);
  });

  const fanout = startConsumer({
    database,
    name: 'webhooks-fanout',
    log,
    startAt: 'head',
    batchSize: 1000,
    handle: async (events, batch) => {
      const claim = ready.length < readyLimit ? { owner, leaseMs: config.leaseMs } : undefined;
      const r = await service.enqueueForEvents(ctx, events, claim, batch);
      ready.push(...r.claimed);
      // Without a claim the new heads are pending; with one, what is not leased here queues behind a
      // head and is handed off or made pending by the send before it.
      if (!claim && r.queued > 0) claimable = true;
      if (r.queued > 0) queued.notify();
    },
  });

  // A delivery being sent stays leased for its whole send (the request's timeout and a heartbeat
  // more to record it), not only until the next heartbeat: a heartbeat that comes late must not
  // let another node send it a second time. A dead node's sends are taken over after that.
  const sendLeaseMs = Math.max(config.leaseMs, config.timeoutMs + HEARTBEAT_MS);
  // A finished send's subject's next delivery is leased to this node by the statement that records
  // the send (a handoff), for a heartbeat longer than a send: sent within that heartbeat it needs no
  // confirmation. `freshUntil` holds when that time runs out (the clock's ms) for each one waiting.
  const handoffLeaseMs = sendLeaseMs + HEARTBEAT_MS;
  const freshUntil = new WeakMap<ClaimedDelivery, number>();
  let lastRepair = 0;
  const loop = async (shard: number) => {
    const failures = loopFailureLog(log, 'webhook delivery loop');
    // One loop polls; the others sleep until something is queued (a poll per loop would cost
    // PGlite's single connection four claims every pollMs).
    const pollMs = shard === 0 ? config.pollMs : 10 * config.pollMs;
    let lastClaimAt = 0;
    while (!abort.signal.aborted) {
      try {
        if (Date.now() - lastRepair > 2_000) {
          lastRepair = Date.now();
          if ((await service.repairQueue(ctx)) > 0) claimable = true;
        }
        const seenLocal = queued.version;
        const sincePoll = Date.now() - lastClaimAt;
        // At its poll a loop claims even while heads wait here, so a steady stream of them does not
        // keep retries that came due, and other nodes' heads, waiting.
        const fromReady = ready.length > 0 && sincePoll < pollMs;
        if (!fromReady && !claimable && sincePoll < pollMs) {
          await queued.wait(pollMs - sincePoll, abort.signal, seenLocal);
          continue;
        }
        let claimed: ClaimedDelivery[];
        if (fromReady) claimed = ready.splice(0, config.batchSize);
        else {
          claimable = false;
          lastClaimAt = Date.now();
          try {
            claimed = await service.claimDeliveries(ctx, {
              owner,
              limit: config.batchSize,
              leaseMs: sendLeaseMs,
            });
          } catch (err) {
            claimable = true;
            throw err;
          }
          // A full batch may have left more behind.
          if (claimed.length === config.batchSize) claimable = true;
        }
        if (fromReady && claimed.length > 0) {
          // These waited here under the short lease the heartbeat renews; a late heartbeat (a
          // database struggling under a burst) may have let another node take some. Send only those
          // still ours, leased now for the whole send.
          // Handed-off heads still fresh are leased long enough for their send already.
          const batch = claimed;
          const nowMs = opts.clock.now().getTime();
          const fresh = batch.filter((d) => (freshUntil.get(d) ?? 0) > nowMs);
          const waited = batch.filter((d) => (freshUntil.get(d) ?? 0) <= nowMs);
          sending.add(batch);
          try {
            const held = await service.confirmClaims(
              ctx,
              owner,
              waited.map((d) => d.id),
              sendLeaseMs,
            );
            claimed = [...fresh, ...waited.filter((d) => held.has(d.id))];
          } finally {
            sending.delete(batch);
          }
        }
        failures.succeeded();
        if (claimed.length === 0) {
          if (ready.length > 0) continue;
          // Local fan-out wakes us at once when it queued something (whichever node committed the
          // events: the node holding the fan-out lease queues and wakes its loops); deliveries queued
          // by other nodes are seen by polling. Not woken by every commit: most queue nothing.
          await queued.wait(pollMs, abort.signal, seenLocal);
          continue;
        }
        const nowSeconds = Math.floor(opts.clock.now().getTime() / 1000);
        sending.add(claimed);
        let r: RecordedOutcomes;
        try {
          const outcomes = await Promise.all(claimed.map((d) => sender.send(d, nowSeconds)));
          const handoff = ready.length < readyLimit ? { leaseMs: handoffLeaseMs } : undefined;
          const recordedAt = opts.clock.now().getTime();
          r = await service.recordOutcomes(ctx, { owner, shard }, claimed, outcomes, handoff);
          for (const d of r.handedOff) freshUntil.set(d, recordedAt + HEARTBEAT_MS);
          ready.push(...r.handedOff);
        } finally {
          sending.delete(claimed);
        }
        stats.delivered += r.delivered;
        stats.retried += r.retried;
        stats.dead += r.dead;
        opts.onOutcomes?.(r);
        // Deliveries of the same subjects waited for this batch: the promoted ones are due now
        // (here, or for any node's claim when not handed off).
        if (r.promoted > r.handedOff.length) claimable = true;
        if (r.promoted > 0) queued.notify();
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err, { shard });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const loops = Array.from({ length: Math.max(1, config.loops) }, (_, i) => loop(i));

  return {
    fanout,
    stats,
    wake: () => {
      claimable = true;
      queued.notify();
    },
    async stop() {
      abort.abort();
      queued.notify();
      await fanout.stop();
      await Promise.all(loops);
      stopHeartbeat();
      // Heads leased to this node and not sent go back at once (not after their lease runs out).
      const unsent = ready.splice(0).map((d) => d.id);
      await service.releaseClaims(ctx, owner, unsent).catch((err) => {
        log.warn({ err }, 'could not release unsent webhook leases; they expire on their own');
      });
      sender.close();
    },
  };
}
