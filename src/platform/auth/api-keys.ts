// API keys: created with scopes and an optional channel binding, shown once, stored as a SHA-256
// hash (the secrets are 256-bit random, so a fast hash is safe), revocable. Verification is cached
// briefly so authenticated reads cost no extra round trip.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError, newId, notFound } from '../../kernel/index.js';
import { createTtlCache } from '../cache/ttl-cache.js';
import type { Actor, Ctx } from '../context.js';
import { inTransaction } from '../context.js';
import { type Executor, firstRow, rows } from '../db/database.js';
import type { SqlRow } from '../db/rows.js';
import { appendEvent } from '../events/event-log.js';
import { PLATFORM_EVENTS } from '../events/platform.events.js';
import type { apiKeys } from './api-keys.schema.js';

export const KEY_SECRET_PREFIX = 'ohk_';
/** Publishable keys look different, so a leaked one is recognised as harmless-by-design at a glance. */
export const PUBLISHABLE_KEY_PREFIX = 'ohpk_';
export const API_KEY_KINDS = ['secret', 'publishable'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];
/**
 * What a publishable key may do, whatever is asked at creation: read its channel's catalog, prices,
 * availability and stores, and use carts it owns. Route policies decide the rest (keys: publishable).
 */
export const PUBLISHABLE_SCOPES = [
  'channels:read',
  'catalog:read',
  'inventory:read',
  'carts:write',
  'events:read',
] as const;

/** The events a publishable key may read (live stock on a storefront): nothing about a person. */
export const PUBLISHABLE_EVENT_TYPES = ['inventory.stock_changed'] as const;

/**
 * The event types an actor may read from the log or the live stream: a publishable key only the
 * public ones (all of them when it asks for none), everyone else what they ask for.
 */
export function readableEventTypes(actor: Actor, requested: string[]): string[] {
  if (actor.keyKind !== 'publishable') return requested;
  if (requested.length === 0) return [...PUBLISHABLE_EVENT_TYPES];
  const refused = requested.filter((t) => !(PUBLISHABLE_EVENT_TYPES as readonly string[]).includes(t));
  if (refused.length) {
    throw new AppError(
      'key_kind_forbidden',
      `A publishable key reads only ${PUBLISHABLE_EVENT_TYPES.join(', ')}`,
      {
        details: { refusedTypes: refused },
      },
    );
  }
  return requested;
}
const SCOPE_SHAPE = /^(admin|ingest|pos:price_override|inbox:till|[a-z][a-z_]*:(read|write))$/;
/**
 * Narrow scopes and the broader one that holds each: `inbox:till` (a till's view of the sale
 * customer's conversations) lets a clerk read them without the whole inbox, which `inbox:read` opens.
 */
const HELD_BY: Readonly<Record<string, string>> = { 'inbox:till': 'inbox:read' };

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  kind: ApiKeyKind;
  scopes: string[];
  channelId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * The hashes of secrets that verified, so a busy key is hashed once, not on every request (twice:
 * the rate limiter counts by it too). Only keys that existed get in, so guessed keys cannot crowd
 * out real ones; it holds no verdict (the key cache below does, and revocation clears that).
 */
const verifiedHashes = new Map<string, string>();
const VERIFIED_HASHES_MAX = 1_000;

/** hashSecret, remembered for the secrets of keys that verified. */
export function secretHash(secret: string): string {
  return verifiedHashes.get(secret) ?? hashSecret(secret);
}

function rememberHash(secret: string, hash: string): void {
  if (verifiedHashes.has(secret)) return;
  if (verifiedHashes.size >= VERIFIED_HASHES_MAX) verifiedHashes.clear(); // rare: rebuilt as keys are used
  verifiedHashes.set(secret, hash);
}

/** admin grants everything; `x:write` grants `x:read`; a broader scope grants its narrow ones (HELD_BY). */
export function hasScope(scopes: readonly string[], required: string): boolean {
  if (scopes.includes('admin') || scopes.includes(required)) return true;
  const broader = HELD_BY[required];
  if (broader) return hasScope(scopes, broader);
  if (required.endsWith(':read')) return scopes.includes(`${required.slice(0, -5)}:write`);
  return false;
}

export function validateScopes(scopes: string[]): void {
  const bad = scopes.filter((s) => !SCOPE_SHAPE.test(s));
  if (bad.length || scopes.length === 0) {
    throw new AppError(
      'validation_failed',
      'Scopes must be admin, ingest, pos:price_override, inbox:till or <area>:read|write',
      {
        issues: [
          {
            path: 'scopes',
            message: bad.length ? `unknown scope(s): ${bad.join(', ')}` : 'at least one scope',
          },
        ],
      },
    );
  }
}

export interface CreateKeyInput {
  name: string;
  /** secret (default) or publishable (bound to a channel; its scopes are always PUBLISHABLE_SCOPES). */
  kind?: ApiKeyKind;
  scopes: string[];
  channelId?: string | null;
  /** Use this exact secret (bootstrap key from OMNIHUB_ADMIN_KEY); otherwise one is generated. */
  secret?: string;
}

export async function createApiKey(
  ctx: Ctx,
  input: CreateKeyInput,
): Promise<{ key: ApiKeyRecord; secret: string }> {
  const kind = input.kind ?? 'secret';
  if (kind === 'publishable' && !input.channelId) {
    throw new AppError('validation_failed', 'A publishable key must be bound to a channel', {
      issues: [{ path: 'body.channelId', message: 'required for a publishable key' }],
    });
  }
  const scopes = kind === 'publishable' ? [...PUBLISHABLE_SCOPES] : input.scopes;
  validateScopes(scopes);
  const prefix = kind === 'publishable' ? PUBLISHABLE_KEY_PREFIX : KEY_SECRET_PREFIX;
  const secret = input.secret ?? `${prefix}${randomBytes(32).toString('base64url')}`;
  if (secret.length < 16)
    throw new AppError('validation_failed', 'An API key secret must have at least 16 characters');
  const id = newId('key');
  const now = ctx.clock.now();
  const key = await inTransaction(ctx, async (tx) => {
    const row = await firstRow<KeySqlRow>(
      tx.db,
      sql`insert into api_keys (id, name, prefix, kind, secret_hash, scopes, channel_id, created_at, created_by)
          values (${id}, ${input.name}, ${secret.slice(0, 12)}, ${kind}, ${hashSecret(secret)}, ${sql.param(scopes)}::text[],
                  ${input.channelId ?? null}, ${now.toISOString()}, ${ctx.actor.id})
          on conflict (secret_hash) do nothing
          returning *`,
    );
    if (!row) throw new AppError('api_key_exists', 'An API key with this secret already exists');
    await appendEvent(tx, {
      type: PLATFORM_EVENTS.apiKeyCreated,
      subject: id,
      payload: { id, name: input.name, kind, scopes, channelId: input.channelId ?? null },
    });
    return toRecord(row);
  });
  return { key, secret };
}

export async function listApiKeys(exec: Executor): Promise<ApiKeyRecord[]> {
  return (await rows<KeySqlRow>(exec, sql`select * from api_keys order by created_at, id`)).map(toRecord);
}

export async function countActiveAdminKeys(exec: Executor): Promise<number> {
  const r = await firstRow<{ n: number }>(
    exec,
    sql`select count(*)::int as n from api_keys where revoked_at is null and 'admin' = any(scopes)`,
  );
  return r?.n ?? 0;
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKeyRecord> {
  return inTransaction(ctx, async (tx) => {
    const row = await firstRow<KeySqlRow>(
      tx.db,
      sql`update api_keys set revoked_at = coalesce(revoked_at, ${ctx.clock.now().toISOString()})
          where id = ${id} returning *`,
    );
    if (!row) throw notFound('api key', id);
    await appendEvent(tx, { type: PLATFORM_EVENTS.apiKeyRevoked, subject: id, payload: { id } });
    keyCache.clear();
    return toRecord(row);
  });
}

const keyCache = createTtlCache<string, Actor | null>({ ttlMs: 2_000, max: 10_000 });
/** Lookups under way: when a busy key's entry runs out, its concurrent requests share one query. */
const lookups = new WeakMap<Executor, Map<string, Promise<Actor | null>>>();

/** A key's "last used" is written at most this often: a busy key costs no write per request. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * Resolves a presented secret to its actor, or null when unknown or revoked. The lookup also
 * stamps the key's last use (`now`), at most once a minute, in the same statement.
 */
export async function verifyApiKey(
  exec: Executor,
  secret: string,
  now: Date = new Date(),
): Promise<Actor | null> {
  const hash = secretHash(secret);
  const hit = keyCache.get(hash);
  if (hit !== undefined) return hit;
  const pending = lookups.get(exec) ?? new Map<string, Promise<Actor | null>>();
  lookups.set(exec, pending);
  let lookup = pending.get(hash);
  if (!lookup) {
    lookup = lookUpKey(exec, hash, now).finally(() => pending.delete(hash));
    pending.set(hash, lookup);
  }
  const actor = await lookup;
  if (actor) rememberHash(secret, hash);
  return actor;
}

/**
 * The cached verdict on a presented secret (the actor, or null: unknown or revoked); undefined when
 * the cache does not hold it and verifyApiKey must look it up.
 */
export function cachedApiKey(secret: string): Actor | null | undefined {
  return keyCache.get(secretHash(secret));
}

async function lookUpKey(exec: Executor, hash: string, now: Date): Promise<Actor | null> {
  const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString();
  // The select reads the snapshot before the stamp: the actor does not depend on it.
  const row = await firstRow<KeySqlRow>(
    exec,
    sql`with touched as (
          update api_keys set last_used_at = ${now.toISOString()}::timestamptz
          where secret_hash = ${hash} and revoked_at is null
            and (last_used_at is null or last_used_at < ${staleBefore}::timestamptz)
          returning id)
        select * from api_keys where secret_hash = ${hash}`,
  );
  const actor: Actor | null =
    row && !row.revoked_at
      ? {
          kind: 'api_key',
          keyKind: row.kind,
          id: row.id,
          name: row.name,
          scopes: row.scopes,
          channelId: row.channel_id,
        }
      : null;
  keyCache.set(hash, actor);
  return actor;
}

export const clearApiKeyCache = (): void => keyCache.clear();

type KeySqlRow = SqlRow<typeof apiKeys>;

const toRecord = (r: KeySqlRow): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  kind: r.kind,
  scopes: r.scopes,
  channelId: r.channel_id,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});
