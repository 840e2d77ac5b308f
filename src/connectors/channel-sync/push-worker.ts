// Pushes queued channel sync items on every node: a loop leases one connection at a time (so one
// node sends for it and its rate limit holds across nodes), lingers briefly to fill a batch, reads
// the current truth of the batch's SKUs, applies the transform, sends through the connection's wire
// format at the pace of its token bucket, and records what happened to every item.
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { ackValueOf, type ChannelSyncFlow } from '../../flows/channel-sync/index.js';
import { type Clock, newId } from '../../kernel/index.js';
import type {
  AckInput,
  ChannelSyncService,
  ConnectionKind,
  ConnectionWithCredentials,
  ItemOutcome,
  SyncKind,
} from '../../modules/channel-sync/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { LEASE_MS, onHeartbeat } from '../../platform/events/lease-heartbeat.js';
import { EventNotifier } from '../../platform/events/notifier.js';
import { loopFailureLog } from '../../platform/outage-log.js';
import { createOutboundClient, DEFAULT_MAX_RESPONSE_BYTES, type TargetGuard } from '../webhooks-out/index.js';
import type { ChannelAdapter, ReadyItem } from './adapter.js';
import { genericAdapter } from './generic.js';
import { shopifyAdapter } from './shopify.js';
import { TokenBucket } from './token-bucket.js';
import { sendWire, type WireRequest, type WireVerdict } from './wire.js';
import { wooCommerceAdapter } from './woocommerce.js';

export const ADAPTERS: Record<ConnectionKind, ChannelAdapter> = {
  generic: genericAdapter,
  woocommerce: wooCommerceAdapter,
  shopify: shopifyAdapter,
};

const MAX_BATCHES_PER_LEASE = 20;

export interface ChannelSyncPushConfig {
  /** Connections served at once by this node. */
  loops: number;
  leaseMs: number;
  /** How long a batch that is not full waits for more items. */
  lingerMs: number;
  pollMs: number;
  timeoutMs: number;
  /** At most this much of a channel's answer is read (OMNIHUB_OUTBOUND_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
}

export function loadChannelSyncConfig(env: NodeJS.ProcessEnv = process.env): ChannelSyncPushConfig {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
  return {
    loops: num(env.OMNIHUB_CHANNEL_SYNC_LOOPS, 2),
    leaseMs: num(env.OMNIHUB_CHANNEL_SYNC_LEASE_MS, LEASE_MS),
    lingerMs: num(env.OMNIHUB_CHANNEL_SYNC_LINGER_MS, 100),
    pollMs: num(env.OMNIHUB_CHANNEL_SYNC_POLL_MS, 250),
    timeoutMs: num(env.OMNIHUB_CHANNEL_SYNC_TIMEOUT_MS, 15_000),
    maxResponseBytes: num(env.OMNIHUB_OUTBOUND_MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES),
  };
}

export interface ChannelSyncPushStats {
  requests: number;
  /** Times a request waited for its connection's token bucket. */
  throttled: number;
  pushed: number;
  retried: number;
  dead: number;
  pauses: number;
}

export interface RunningChannelSyncPush {
  stats: ChannelSyncPushStats;
  wake(): void;
  stop(): Promise<void>;
}

export function startChannelSyncPush(opts: {
  database: Database;
  service: ChannelSyncService;
  flow: ChannelSyncFlow;
  guard: TargetGuard;
  config: ChannelSyncPushConfig;
  clock: Clock;
  log: Logger;
}): RunningChannelSyncPush {
  const { service, flow, config, clock, log } = opts;
  const ctx: Ctx = createContext(opts.database, { clock, log });
  // Connections this node's loops hold (owner → id): the heartbeat keeps their leases while it lives.
  const held = new Map<string, string>();
  const stopHeartbeat = onHeartbeat(opts.database, async () => {
    for (const [owner, id] of held) await service.renewLease(ctx, { id, owner, leaseMs: config.leaseMs });
  });
  const node = `${hostname()}/${process.pid}/${newId('con')}`;
  const queued = new EventNotifier();
  const abort = new AbortController();
  setMaxListeners(100, abort.signal);
  const buckets = new Map<string, TokenBucket>();
  const client = createOutboundClient({ guard: opts.guard, maxResponseBytes: config.maxResponseBytes });
  const stats: ChannelSyncPushStats = {
    requests: 0,
    throttled: 0,
    pushed: 0,
    retried: 0,
    dead: 0,
    pauses: 0,
  };
  const sleep = (ms: number) => queued.wait(ms, abort.signal, undefined).then(() => undefined);
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      abort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    });

  function bucketOf(c: ConnectionWithCredentials): TokenBucket {
    let b = buckets.get(c.id);
    if (!b) {
      b = new TokenBucket(c.ratePerSecond, c.burst, clock.now().getTime());
      buckets.set(c.id, b);
    } else b.configure(c.ratePerSecond, c.burst);
    return b;
  }

  async function send(c: ConnectionWithCredentials, req: WireRequest): Promise<WireVerdict> {
    try {
      await opts.guard.check(req.url);
    } catch (err) {
      return { kind: 'park', error: (err as Error).message, statusCode: 0 };
    }
    const bucket = bucketOf(c);
    for (;;) {
      const wait = bucket.take(clock.now().getTime());
      if (wait === 0) break;
      stats.throttled++;
      await pause(wait);
      if (abort.signal.aborted) return { kind: 'retry', error: 'the hub is stopping', statusCode: null };
    }
    stats.requests++;
    return sendWire(client, req, config.timeoutMs);
  }

  /** One batch of a leased connection; false when there is nothing more to do for it now. */
  async function pushBatch(
    owner: string,
    connectionId: string,
    lingered: boolean,
  ): Promise<'done' | 'more' | 'linger'> {
    const c = await service.renewLease(ctx, { id: connectionId, owner, leaseMs: config.leaseMs });
    const now = clock.now();
    if (c?.status !== 'active' || (c.pausedUntil && c.pausedUntil > now)) return 'done';
    const due = await service.dueItems(ctx, c.id, c.batchSize);
    if (due.length === 0) return 'done';
    if (!lingered && due.length < c.batchSize && config.lingerMs > 0) return 'linger';

    // Several kinds of one SKU travel as one entry carrying every changed field.
    const groups = new Map<string, { ids: string[]; kinds: Set<SyncKind> }>();
    for (const d of due) {
      const g = groups.get(d.key) ?? { ids: [], kinds: new Set<SyncKind>() };
      g.ids.push(d.id);
      g.kinds.add(d.kind);
      groups.set(d.key, g);
    }
    const prepared = await flow.prepare(
      ctx,
      c,
      [...groups].map(([sku, g]) => ({ id: sku, sku, changed: [...g.kinds] })),
    );
    const outcomes: ItemOutcome[] = [];
    type Verdict = { kind: 'pushed' } | { kind: 'retry' | 'park'; error: string; statusCode: number | null };
    const forSku = (sku: string, o: Verdict) => {
      for (const id of groups.get(sku)?.ids ?? []) outcomes.push({ ...o, id });
    };
    const ready: ReadyItem[] = [];
    for (const p of prepared) {
      // What the channel does not list gets no stock or price pushes (a relisting queues them again).
      if (!p.item.listed && !p.item.changed.includes('listing')) forSku(p.item.sku, { kind: 'pushed' });
      else if ('error' in p) forSku(p.item.sku, { kind: 'park', error: p.error, statusCode: null });
      else if (p.payload === undefined)
        forSku(p.item.sku, { kind: 'pushed' }); // the transform dropped it
      else ready.push({ sku: p.item.sku, item: p.item, payload: p.payload });
    }
    const result = await ADAPTERS[c.kind].push(
      {
        ctx,
        connection: c,
        service,
        send: (req) => send(c, req),
        nowSeconds: Math.floor(now.getTime() / 1000),
      },
      ready,
    );
    const acks: AckInput[] = [];
    const sent = new Map(ready.map((r) => [r.sku, r.item]));
    for (const o of result.outcomes) {
      const item = o.kind === 'pushed' ? sent.get(o.sku) : undefined;
      if (item)
        for (const kind of item.changed)
          acks.push({ kind, key: o.sku, value: ackValueOf(item, kind, c.kind) });
    }
    for (const o of result.outcomes)
      forSku(
        o.sku,
        o.kind === 'pushed' ? { kind: 'pushed' } : { kind: o.kind, error: o.error, statusCode: o.statusCode },
      );
    if (result.pause) {
      stats.pauses++;
      await service.pauseFor(ctx, c.id, result.pause.seconds, result.pause.error, 0);
    } else if (result.authError) {
      stats.pauses++;
      await service.pauseForAuth(ctx, c.id, result.authError, 0);
    }
    const r = await service.recordOutcomes(ctx, c.id, due, outcomes, result.requests, acks);
    stats.pushed += r.pushed;
    stats.retried += r.retried;
    stats.dead += r.dead;
    return result.pause || result.authError ? 'done' : 'more';
  }

  async function serve(owner: string, c: ConnectionWithCredentials) {
    held.set(owner, c.id);
    try {
      let lingered = false;
      // A busy connection gives its loop back now and then, so others on this node get their turn.
      for (let batches = 0; batches < MAX_BATCHES_PER_LEASE && !abort.signal.aborted; batches++) {
        const next = await pushBatch(owner, c.id, lingered);
        if (next === 'done') break;
        lingered = next === 'linger';
        if (lingered) await pause(config.lingerMs);
      }
    } finally {
      held.delete(owner);
      await service.releaseLease(ctx, c.id, owner);
    }
  }

  const loop = async (shard: number) => {
    const owner = `${node}/${shard}`;
    const failures = loopFailureLog(log, 'channel sync push loop');
    while (!abort.signal.aborted) {
      try {
        const seen = queued.version;
        const c = await service.claimConnection(ctx, { owner, leaseMs: config.leaseMs });
        failures.succeeded();
        if (!c) {
          // Local enqueues wake us; other nodes' enqueues and due retries are found by polling.
          await queued.wait(shard === 0 ? config.pollMs : 4 * config.pollMs, abort.signal, seen);
          continue;
        }
        await serve(owner, c);
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err, { shard });
        await sleep(500);
      }
    }
  };
  const loops = Array.from({ length: Math.max(1, config.loops) }, (_, i) => loop(i));

  return {
    stats,
    wake: () => queued.notify(),
    async stop() {
      abort.abort();
      queued.notify();
      await Promise.all(loops);
      stopHeartbeat();
      client.close();
    },
  };
}
