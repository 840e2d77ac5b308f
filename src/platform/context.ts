// ctx travels first into every service method: where statements go (the database or the open
// transaction), who acts (API key, scopes, bound channel), the request id and the clock.
import type { Clock } from '../kernel/index.js';
import type { Database, Executor } from './db/database.js';

/** The structured logger (pino, or Fastify's per-request child of it). */
export type Logger = Pick<import('pino').BaseLogger, 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal'>;

export interface Actor {
  kind: 'api_key' | 'system' | 'anonymous';
  id: string;
  name: string;
  scopes: readonly string[];
  /** A key bound to a channel acts only as that channel. */
  channelId: string | null;
  /** What kind of credential acts (publishable keys and shopper sessions live in browsers). */
  keyKind?: 'secret' | 'publishable' | 'shopper' | 'staff';
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: 'system',
  name: 'system',
  scopes: ['admin'],
  channelId: null,
};

export interface Ctx {
  database: Database;
  /** Where statements go: the database, or the open transaction when inTx. */
  db: Executor;
  inTx: boolean;
  actor: Actor;
  /** The channel the request acts for (the key's binding, or chosen by the caller). */
  channelId: string | null;
  requestId: string;
  clock: Clock;
  log: Logger;
  /** Runs after the outermost transaction commits (never if it rolls back). */
  afterCommit(fn: () => void): void;
  /**
   * Inside a transaction: runs once, in the transaction, just before it commits (the event log uses
   * it to write all of a transaction's events with one statement). Keyed so a writer registers once.
   */
  beforeCommit?: (key: symbol, fn: (tx: Ctx) => Promise<void>) => void;
  /** Per-transaction scratch space for beforeCommit work (e.g. the events waiting to be written). */
  txState?: Map<symbol, unknown>;
}

export function createContext(
  database: Database,
  init: Partial<Omit<Ctx, 'database' | 'db' | 'inTx' | 'afterCommit'>> & { clock: Clock; log: Logger },
): Ctx {
  return {
    database,
    db: database.db,
    inTx: false,
    actor: init.actor ?? SYSTEM_ACTOR,
    channelId: init.channelId ?? init.actor?.channelId ?? null,
    requestId: init.requestId ?? 'system',
    clock: init.clock,
    log: init.log,
    afterCommit: (fn) => fn(),
  };
}

/**
 * Runs fn in one transaction: state changes and their events commit together or not at all.
 * Nested calls join the outer transaction.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTx) return fn(ctx);
  const hooks: Array<() => void> = [];
  const beforeCommit = new Map<symbol, (tx: Ctx) => Promise<void>>();
  const txState = new Map<symbol, unknown>();
  const result = await ctx.database.db.transaction(async (tx) => {
    const txCtx: Ctx = {
      ...ctx,
      db: tx,
      inTx: true,
      afterCommit: (h) => hooks.push(h),
      beforeCommit: (key, f) => {
        if (!beforeCommit.has(key)) beforeCommit.set(key, f);
      },
      txState,
    };
    const r = await fn(txCtx);
    for (const f of beforeCommit.values()) await f(txCtx);
    return r;
  });
  for (const h of hooks) {
    try {
      h();
    } catch (err) {
      ctx.log.error({ err }, 'after-commit hook failed');
    }
  }
  return result;
}

export const withActor = (ctx: Ctx, actor: Actor): Ctx => ({ ...ctx, actor, channelId: actor.channelId });
