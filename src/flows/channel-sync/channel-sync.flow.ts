// Outbound channel sync as a use case across modules: committed events become coalesced queue items
// for the affected channels' connections; a full resync queues every listed SKU of a channel; at
// send time the current truth of each SKU is read and reshaped by the connection's transform.
import type { Clock } from '../../kernel/index.js';
import { channelViewScope } from '../../modules/catalog/index.js';
import {
  CHANNEL_SYNC_EVENTS,
  type ConnectionWithCredentials,
  type DirtyItem,
  type SyncKind,
} from '../../modules/channel-sync/index.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { type ConnectionAudit, type ReadRemote, runAudit } from './audit.js';
import { applyTransform, type CanonicalItem, readCanonicalItems } from './canonical-items.js';
import type { ChannelSyncFlowDeps } from './channel-sync.deps.js';
import { runDueAudits } from './scheduled-audit.js';

/** What the omnichannel score reads: per connection, drift counts by kind and the sync lag. */
export interface AuditSummary {
  generatedAt: Date;
  connections: Array<Omit<ConnectionAudit, 'remote'>>;
}

import {
  CHANNEL_SYNC_EVENT_TYPES,
  connectionsByChannel,
  dirtyItemsFor,
  planDirtyItems,
} from './dirty-items.js';

const RESYNC_PAGE = 200;

/** An item ready for the wire, or the reason it cannot be sent (a transform that threw). */
export type PreparedItem =
  | { id: string; item: CanonicalItem; payload: unknown }
  | { id: string; item: CanonicalItem; error: string };

export function createChannelSyncFlow(deps: ChannelSyncFlowDeps & { readRemote?: ReadRemote | undefined }) {
  /** Queues every listed SKU of the channel for the connection's kinds (or the given ones). */
  async function resyncConnections(
    ctx: Ctx,
    connections: ConnectionWithCredentials[],
    kinds?: SyncKind[],
  ): Promise<number> {
    let queued = 0;
    for (const [channelId, list] of connectionsByChannel(connections)) {
      const channel = await deps.channels.findChannel(ctx, channelId);
      if (!channel) continue;
      const scope = channelViewScope(channel);
      let after: string | undefined;
      for (;;) {
        const page = await deps.catalog.channelPage(ctx, scope, { after, limit: RESYNC_PAGE });
        const skus = page.flatMap((p) => p.variants.map((v) => v.sku));
        const items: DirtyItem[] = [];
        for (const c of list)
          for (const kind of c.push)
            if (!kinds || kinds.includes(kind))
              for (const sku of skus) items.push({ connectionId: c.id, kind, key: sku });
        queued += await deps.sync.enqueue(ctx, items);
        if (page.length < RESYNC_PAGE) break;
        after = page.at(-1)!.id;
      }
    }
    return queued;
  }

  return {
    /** Turns committed events into queue items; returns how many were queued. */
    async handleEvents(ctx: Ctx, events: StoredEvent[], batch?: { resumed: boolean }): Promise<number> {
      const connections = await deps.sync.liveConnections(ctx, { events, resumed: batch?.resumed });
      if (connections.length === 0) return 0;
      const plan = await planDirtyItems(deps, ctx, events, new Set(connections.map((c) => c.channelId)));
      let queued = await deps.sync.enqueue(ctx, dirtyItemsFor(connections, plan));
      for (const r of plan.resync)
        queued += await resyncConnections(
          ctx,
          connections.filter((c) => c.channelId === r.channelId),
          r.kinds,
        );
      return queued;
    },

    /** A full resync of one connection: every SKU its channel lists, for every kind it pushes. */
    async resync(ctx: Ctx, connectionId: string): Promise<number> {
      const c = await deps.sync.loadConnection(ctx, connectionId);
      return resyncConnections(ctx, [c]);
    },

    /** The current truth of the queued SKUs, each transformed for the connection. */
    async prepare(
      ctx: Ctx,
      connection: Pick<ConnectionWithCredentials, 'channelId' | 'transform'>,
      queued: Array<{ id: string; sku: string; changed: SyncKind[] }>,
    ): Promise<PreparedItem[]> {
      const items = await readCanonicalItems(deps, ctx, connection.channelId, queued);
      const idOf = new Map(queued.map((q) => [q.sku, q.id]));
      return Promise.all(
        items.map(async (item): Promise<PreparedItem> => {
          const id = idOf.get(item.sku)!;
          try {
            return { id, item, payload: await applyTransform(connection.transform, item) };
          } catch (err) {
            return { id, item, error: `the transform failed: ${(err as Error).message}` };
          }
        }),
      );
    },

    /** The consistency audit: drift per connection and kind, with the findings and the sync lag. */
    audit: (ctx: Ctx, opts: { connectionId?: string | undefined; remote?: boolean } = {}) =>
      runAudit(deps, ctx, opts),

    /**
     * Per connection (with its channel): drift counts by kind against what the channel acknowledged,
     * and the sync lag; no read-back of the channels (cheap enough for a score page).
     */
    async auditSummary(ctx: Ctx): Promise<AuditSummary> {
      const { connections } = await runAudit(deps, ctx, {});
      return { generatedAt: ctx.clock.now(), connections: connections.map(({ remote: _r, ...c }) => c) };
    },

    /**
     * The periodic audit (with read-back) of the connections due, results kept per connection for
     * the score; `force`: every connection not being audited by another node right now.
     */
    runDueAudits: (ctx: Ctx, opts: { owner: string; intervalMs: number; force?: boolean }) =>
      runDueAudits(deps, ctx, opts),

    canonicalItems: (ctx: Ctx, channelId: string, wanted: Array<{ sku: string; changed: SyncKind[] }>) =>
      readCanonicalItems(deps, ctx, channelId, wanted),
  };
}

export type ChannelSyncFlow = ReturnType<typeof createChannelSyncFlow>;

/** The durable consumer that queues items for the channels an event touches. */
export function startChannelSyncEnqueuer(opts: {
  database: Database;
  flow: ChannelSyncFlow;
  clock: Clock;
  log: Logger;
  onQueued?: () => void;
}): RunningConsumer {
  const ctx = createContext(opts.database, { clock: opts.clock, log: opts.log });
  return startConsumer({
    database: opts.database,
    name: 'channel-sync-enqueue',
    log: opts.log,
    startAt: 'head',
    batchSize: 1000,
    // Connection changes too: the enqueuer's kept list of connections is dropped on reading one.
    filter: { types: [...CHANNEL_SYNC_EVENT_TYPES, CHANNEL_SYNC_EVENTS.connectionChanged] },
    handle: async (events, batch) => {
      if ((await opts.flow.handleEvents(ctx, events, batch)) > 0) opts.onQueued?.();
    },
  });
}
