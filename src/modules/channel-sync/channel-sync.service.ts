// Channel sync rules: connections (validated targets, JSONata transforms, rate limits), the coalescing
// queue of dirty items, what a push's outcome does to each item (retry on the schedule, dead-letter
// queue, replay) and to the connection (429 pause, 401/403 pause with the error), and sync health.

import { randomBytes } from 'node:crypto';
import { AppError, newId, notFound } from '../../kernel/index.js';
import { createLogCachedValue, type SeenEvents } from '../../platform/cache/log-cached-value.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { checkJsonata } from '../../platform/jsonata.js';
import { createSecretBox, type SecretBox } from '../../platform/secrets/secret-box.js';
import { CHANNEL_SYNC_EVENTS } from './channel-sync.events.js';
import {
  claimConnection,
  deleteConnectionRows,
  type ItemUpdate,
  insertConnection,
  pauseConnection,
  recordItemOutcomes,
  releaseLease,
  renewLease,
  requeueDead,
  selectConnection,
  selectConnections,
  selectDueItems,
  selectHealth,
  selectItems,
  selectRefs,
  updateConnectionRow,
  upsertItems,
  upsertRefs,
} from './channel-sync.repository.js';
import {
  type Ack,
  type AckInput,
  type AuditRecord,
  type ClaimedItem,
  type Connection,
  type ConnectionHealth,
  ConnectionInput,
  type ConnectionPatch,
  type ConnectionWithCredentials,
  CREDENTIALS_BY_KIND,
  type DirtyItem,
  type ItemOutcome,
  type SyncItem,
} from './channel-sync.types.js';
import { selectAcks, selectQueuedKeys } from './channel-sync-acks.repository.js';
import { claimAudits, releaseAudit, saveAudit, selectAudits } from './channel-sync-audits.repository.js';

/** Retries after the first attempt when none is configured: 5 s, 30 s, 2 min, 10 min, 1 h, 5 h. */
export const CHANNEL_SYNC_RETRY_SCHEDULE_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000, 18_000_000];
/** How stale the kept live connections may get when a change came without an event (by hand in SQL). */
export const LIVE_CONNECTIONS_MAX_AGE_MS = 10_000;
/** Longest Retry-After honoured on a 429. */
const MAX_PAUSE_MS = 24 * 3_600_000;

export interface ChannelSyncDeps {
  retryScheduleMs?: number[];
  /** Refuses target URLs the hub must not call (the SSRF guard); throws AppError. */
  checkTargetUrl?: (url: string, field?: string) => Promise<void>;
  /** Whether a channel exists (the channels module answers; this module only keeps its id). */
  channelExists?: (ctx: Ctx, channelId: string) => Promise<boolean>;
  /** Seals the credentials at rest when OMNIHUB_SECRETS_KEY is set (default: stored as given). */
  secrets?: SecretBox | undefined;
}

const publicConnection = (c: ConnectionWithCredentials): Connection => {
  const { credentials: _c, ...rest } = c;
  return rest;
};

const checkTransform = (expr: string | null | undefined) => checkJsonata(expr, 'transform');

/** Connections of channels to external shops and marketplaces, and their queue of dirty items. */
export interface ChannelSyncService {
  // Connections
  /** Creates a connection; a generated signing secret is returned only here. */
  createConnection(
    ctx: Ctx,
    input: ConnectionInput,
  ): Promise<{ connection: Connection; secret: string | null }>;
  /** The connections, of one channel when given (a channel-bound key sees its own). */
  listConnections(ctx: Ctx, filter?: { channelId?: string | undefined }): Promise<Connection[]>;
  /** A connection without its credentials, or 404. */
  getConnection(ctx: Ctx, id: string): Promise<Connection>;
  /** With its credentials: for the sender and the dry-run only, never an API answer. */
  loadConnection(ctx: Ctx, id: string): Promise<ConnectionWithCredentials>;
  /** Changes a connection (settings, credentials, status). */
  updateConnection(ctx: Ctx, id: string, patch: ConnectionPatch): Promise<Connection>;
  /** Deletes a connection with its queue and remembered refs. */
  deleteConnection(ctx: Ctx, id: string): Promise<void>;
  /** Connections that take changes of these channels (active or paused; disabled ones drop them). */
  liveConnectionsOf(ctx: Ctx, channelIds: string[] | undefined): Promise<ConnectionWithCredentials[]>;
  /**
   * Every live connection, kept in this process: for the enqueuer, which passes the events it read
   * (a connection change among them, or a cursor just loaded, drops the kept list first).
   */
  liveConnections(ctx: Ctx, seen: SeenEvents): Promise<ConnectionWithCredentials[]>;

  // The queue and the sender's lease
  /** Queues changes, coalesced per (connection, kind, SKU). */
  enqueue(ctx: Ctx, items: DirtyItem[]): Promise<number>;
  /** Leases a connection with due work to this sender (one sender per connection at a time). */
  claimConnection(
    ctx: Ctx,
    opts: { owner: string; leaseMs: number },
  ): Promise<ConnectionWithCredentials | undefined>;
  /** Extends this sender's lease; undefined when it was lost. */
  renewLease(
    ctx: Ctx,
    opts: { id: string; owner: string; leaseMs: number },
  ): Promise<ConnectionWithCredentials | undefined>;
  /** Gives the lease back. */
  releaseLease(ctx: Ctx, id: string, owner: string): Promise<void>;
  /** The connection's items due now, oldest first. */
  dueItems(ctx: Ctx, connectionId: string, limit: number): Promise<(ClaimedItem & { enqueuedAt: Date })[]>;
  /**
   * A push's outcome: pushed items leave the queue (unless changed meanwhile), failed ones retry on
   * the schedule and then go to the dead-letter queue, parked ones go there at once.
   */
  recordOutcomes(
    ctx: Ctx,
    connectionId: string,
    claimed: ClaimedItem[],
    outcomes: ItemOutcome[],
    requests: number,
    /** The values the channel acknowledged (of pushed items), recorded in the same statement. */
    acks?: AckInput[],
  ): Promise<{ pushed: number; retried: number; dead: number }>;
  /** 429: the connection sends nothing before Retry-After (capped) elapses. */
  pauseFor(ctx: Ctx, connectionId: string, seconds: number, error: string, requests: number): Promise<void>;
  /** 401/403: the channel refused our credentials; an operator must fix them and resume. */
  pauseForAuth(ctx: Ctx, connectionId: string, error: string, requests: number): Promise<void>;
  /** A connection's queued or dead-lettered items. */
  listItems(
    ctx: Ctx,
    connectionId: string,
    q: { status?: 'pending' | 'dead' | undefined; limit: number },
  ): Promise<SyncItem[]>;
  /** Dead-lettered items back into the queue (all, or the listed ids). */
  replay(ctx: Ctx, connectionId: string, ids?: string[]): Promise<string[]>;
  /** Each connection's status, counters and queue depth (a channel-bound key sees its own). */
  health(ctx: Ctx): Promise<ConnectionHealth[]>;

  // The consistency audit's side
  /** What the connection last had acknowledged, every (kind, SKU). */
  acknowledged(ctx: Ctx, connectionId: string): Promise<Ack[]>;
  /** The (kind, SKU) pairs waiting in the connection's queue, with their state. */
  queuedKeys(ctx: Ctx, connectionId: string): Promise<Map<string, 'pending' | 'dead'>>;
  /** Leases connections whose last audit is older than `dueBefore` (or missing) to this node. */
  claimAudits(
    ctx: Ctx,
    opts: { owner: string; leaseMs: number; dueBefore: Date; limit: number },
  ): Promise<string[]>;
  /** Keeps a connection's audit result and ends this node's lease of it. */
  saveAudit(ctx: Ctx, record: AuditRecord, owner: string): Promise<void>;
  /** Gives a lease back without a result. */
  releaseAudit(ctx: Ctx, connectionId: string, owner: string): Promise<void>;
  /** The last finished audit of each connection (a channel-bound key sees its own). */
  lastAudits(ctx: Ctx): Promise<AuditRecord[]>;

  // External ids
  /** The external ids remembered for these SKUs on a connection, by SKU. */
  refsOf(ctx: Ctx, connectionId: string, skus: string[]): Promise<Map<string, string>>;
  /** Remembers the external ids the other side gave these SKUs. */
  rememberRefs(
    ctx: Ctx,
    connectionId: string,
    refs: Array<{ sku: string; externalId: string }>,
  ): Promise<void>;
}

export function createChannelSyncService(deps: ChannelSyncDeps = {}): ChannelSyncService {
  const schedule = deps.retryScheduleMs ?? CHANNEL_SYNC_RETRY_SCHEDULE_MS;
  const checkUrl = deps.checkTargetUrl ?? (async () => {});
  const box = deps.secrets ?? createSecretBox(undefined);

  // With a key the credentials are stored as { sealed: 'enc:v1:…' }, bound to their row.
  const where = (id: string) => `channel_sync_connections.credentials:${id}`;
  const sealed = (c: ConnectionWithCredentials): ConnectionWithCredentials =>
    box.enabled
      ? { ...c, credentials: { sealed: box.seal(JSON.stringify(c.credentials), where(c.id)) } as never }
      : c;
  const opened = <T extends ConnectionWithCredentials | undefined>(c: T): T => {
    const stored = c?.credentials as { sealed?: string } | undefined;
    if (!c || typeof stored?.sealed !== 'string') return c;
    return { ...c, credentials: JSON.parse(box.open(stored.sealed, where(c.id))) };
  };

  // Read by every enqueuer batch (it was one statement per batch), changed rarely: kept in memory.
  const live = createLogCachedValue({
    changeTypes: [CHANNEL_SYNC_EVENTS.connectionChanged],
    maxAgeMs: LIVE_CONNECTIONS_MAX_AGE_MS,
    load: async (ctx) => (await selectConnections(ctx.db, { live: true })).map(opened),
  });
  /** Every connection change goes through here: its event (other nodes drop their copy on reading it). */
  async function changed(tx: Ctx, c: ConnectionWithCredentials, change: 'created' | 'updated' | 'deleted') {
    tx.afterCommit(() => live.invalidate());
    await appendEvent(tx, {
      type: CHANNEL_SYNC_EVENTS.connectionChanged,
      subject: c.id,
      channelId: c.channelId,
      payload: { connectionId: c.id, change, status: c.status },
    });
  }

  async function load(ctx: Ctx, id: string, forUpdate = false): Promise<ConnectionWithCredentials> {
    const c = opened(await selectConnection(ctx.db, id, forUpdate));
    if (!c || (ctx.actor.channelId && c.channelId !== ctx.actor.channelId))
      throw notFound('channel sync connection', id);
    return c;
  }

  return {
    async createConnection(ctx: Ctx, input: ConnectionInput) {
      const p = ConnectionInput.parse(input);
      if (ctx.actor.channelId && p.channelId !== ctx.actor.channelId)
        throw new AppError('channel_forbidden', 'The API key is bound to another channel');
      checkTransform(p.transform);
      await checkUrl(p.baseUrl, 'baseUrl');
      if (deps.channelExists && !(await deps.channelExists(ctx, p.channelId))) {
        throw new AppError('unknown_channel', `There is no channel ${p.channelId}`, {
          issues: [{ path: 'body.channelId', message: 'unknown channel' }],
        });
      }
      const now = ctx.clock.now();
      const credentials =
        p.kind === 'generic'
          ? { secret: p.credentials.secret ?? `whsec_${randomBytes(32).toString('base64')}` }
          : p.credentials;
      const c: ConnectionWithCredentials = {
        id: newId('csc'),
        channelId: p.channelId,
        name: p.name,
        kind: p.kind,
        baseUrl: p.baseUrl,
        credentials,
        push: [...new Set(p.push)],
        batchSize: p.batchSize,
        ratePerSecond: p.ratePerSecond,
        burst: p.burst,
        transform: p.transform,
        status: p.status,
        pausedUntil: null,
        lastError: null,
        createdAt: now,
        updatedAt: now,
      };
      await inTransaction(ctx, async (tx) => {
        await insertConnection(tx.db, sealed(c));
        await changed(tx, c, 'created');
      });
      return { connection: publicConnection(c), secret: 'secret' in credentials ? credentials.secret : null };
    },

    listConnections: async (ctx: Ctx, filter: { channelId?: string | undefined } = {}) => {
      const channelId = ctx.actor.channelId ?? filter.channelId;
      return (await selectConnections(ctx.db, channelId ? { channelIds: [channelId] } : {})).map(
        publicConnection,
      );
    },

    getConnection: async (ctx: Ctx, id: string) => publicConnection(await load(ctx, id)),
    /** With its credentials: for the sender and the dry-run only, never an API answer. */
    loadConnection: (ctx: Ctx, id: string) => load(ctx, id),

    async updateConnection(ctx: Ctx, id: string, patch: ConnectionPatch): Promise<Connection> {
      checkTransform(patch.transform);
      if (patch.baseUrl) await checkUrl(patch.baseUrl, 'baseUrl');
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        if (patch.credentials && !CREDENTIALS_BY_KIND[current.kind].safeParse(patch.credentials).success) {
          throw new AppError(
            'validation_failed',
            `These credentials do not fit a ${current.kind} connection`,
            {
              issues: [{ path: 'body.credentials', message: 'wrong credentials for the kind' }],
            },
          );
        }
        const resumed = patch.status === 'active';
        const next: ConnectionWithCredentials = {
          ...current,
          ...patch,
          ...(patch.push ? { push: [...new Set(patch.push)] } : {}),
          credentials: (patch.credentials as ConnectionWithCredentials['credentials']) ?? current.credentials,
          // Resuming clears the pause and the error that caused it.
          ...(resumed ? { pausedUntil: null, lastError: null } : {}),
          updatedAt: tx.clock.now(),
        };
        await updateConnectionRow(tx.db, sealed(next));
        await changed(tx, next, 'updated');
        return publicConnection(next);
      });
    },

    async deleteConnection(ctx: Ctx, id: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        const c = await load(tx, id);
        if (await deleteConnectionRows(tx.db, id)) await changed(tx, c, 'deleted');
      });
    },

    /** Connections that take changes of these channels (active or paused; disabled ones drop them). */
    liveConnectionsOf: async (ctx: Ctx, channelIds: string[] | undefined) =>
      (await selectConnections(ctx.db, { ...(channelIds ? { channelIds } : {}), live: true })).map(opened),
    liveConnections: (ctx: Ctx, seen: SeenEvents) => live.get(ctx, seen),

    /** Queues changes, coalesced per (connection, kind, SKU). */
    enqueue: (ctx: Ctx, items: DirtyItem[]) => upsertItems(ctx.db, items, ctx.clock.now()),

    claimConnection: async (ctx: Ctx, opts: { owner: string; leaseMs: number }) =>
      opened(await claimConnection(ctx.db, { ...opts, now: ctx.clock.now() })),
    renewLease: async (ctx: Ctx, opts: { id: string; owner: string; leaseMs: number }) =>
      opened(await renewLease(ctx.db, { ...opts, now: ctx.clock.now() })),
    releaseLease: (ctx: Ctx, id: string, owner: string) => releaseLease(ctx.db, id, owner, ctx.clock.now()),
    dueItems: (ctx: Ctx, connectionId: string, limit: number) =>
      selectDueItems(ctx.db, { connectionId, limit, now: ctx.clock.now() }),

    /**
     * A push's outcome: pushed items leave the queue (unless changed meanwhile), failed ones retry on
     * the schedule and then go to the dead-letter queue, parked ones go there at once.
     */
    async recordOutcomes(
      ctx: Ctx,
      connectionId: string,
      claimed: ClaimedItem[],
      outcomes: ItemOutcome[],
      requests: number,
      acks: AckInput[] = [],
    ) {
      const now = ctx.clock.now();
      const byId = new Map(claimed.map((c) => [c.id, c]));
      const updates: ItemUpdate[] = [];
      const r = { pushed: 0, retried: 0, dead: 0 };
      for (const o of outcomes) {
        const item = byId.get(o.id);
        if (!item) continue;
        if (o.kind === 'pushed') {
          r.pushed++;
          updates.push({ ...item, status: null, nextAttemptAt: now, statusCode: null, error: null });
          continue;
        }
        const attempts = item.attempts + 1;
        const dead = o.kind === 'park' || attempts > schedule.length;
        if (dead) r.dead++;
        else r.retried++;
        updates.push({
          id: item.id,
          version: item.version,
          status: dead ? 'dead' : 'pending',
          attempts,
          nextAttemptAt: dead ? now : new Date(now.getTime() + schedule[attempts - 1]!),
          statusCode: o.statusCode,
          error: o.error,
        });
      }
      await recordItemOutcomes(
        ctx.db,
        connectionId,
        updates,
        {
          pushed: r.pushed,
          failed: r.retried + r.dead,
          requests,
          now,
          clearError: r.pushed > 0,
        },
        acks,
      );
      return r;
    },

    /** 429: the connection sends nothing before Retry-After (capped) elapses. */
    pauseFor: (ctx: Ctx, connectionId: string, seconds: number, error: string, requests: number) => {
      const now = ctx.clock.now();
      const until = new Date(now.getTime() + Math.min(seconds * 1000, MAX_PAUSE_MS));
      return pauseConnection(ctx.db, connectionId, { until, error, now, requests });
    },
    /** 401/403: the channel refused our credentials; an operator must fix them and resume. */
    pauseForAuth: (ctx: Ctx, connectionId: string, error: string, requests: number) =>
      pauseConnection(ctx.db, connectionId, { status: 'paused', error, now: ctx.clock.now(), requests }),

    async listItems(
      ctx: Ctx,
      connectionId: string,
      q: { status?: 'pending' | 'dead' | undefined; limit: number },
    ) {
      await load(ctx, connectionId);
      return selectItems(ctx.db, { connectionId, ...q });
    },

    /** Dead-lettered items back into the queue (all, or the listed ids). */
    async replay(ctx: Ctx, connectionId: string, ids?: string[]) {
      await load(ctx, connectionId);
      return requeueDead(ctx.db, connectionId, ids, ctx.clock.now());
    },

    async health(ctx: Ctx) {
      const all = await selectHealth(ctx.db, ctx.clock.now());
      return ctx.actor.channelId ? all.filter((h) => h.channelId === ctx.actor.channelId) : all;
    },

    acknowledged: (ctx: Ctx, connectionId: string) => selectAcks(ctx.db, connectionId),
    async queuedKeys(ctx: Ctx, connectionId: string) {
      const rs = await selectQueuedKeys(ctx.db, connectionId);
      return new Map(rs.map((r) => [`${r.kind}:${r.key}`, r.status]));
    },
    claimAudits: (ctx: Ctx, opts: { owner: string; leaseMs: number; dueBefore: Date; limit: number }) =>
      claimAudits(ctx.db, { ...opts, now: ctx.clock.now() }),
    saveAudit: (ctx: Ctx, record: AuditRecord, owner: string) => saveAudit(ctx.db, record, owner),
    releaseAudit: (ctx: Ctx, connectionId: string, owner: string) =>
      releaseAudit(ctx.db, connectionId, owner),
    lastAudits: (ctx: Ctx) => selectAudits(ctx.db, ctx.actor.channelId ? [ctx.actor.channelId] : undefined),

    refsOf: (ctx: Ctx, connectionId: string, skus: string[]) => selectRefs(ctx.db, connectionId, skus),
    rememberRefs: (ctx: Ctx, connectionId: string, refs: Array<{ sku: string; externalId: string }>) =>
      upsertRefs(ctx.db, connectionId, refs, ctx.clock.now()),
  };
}
