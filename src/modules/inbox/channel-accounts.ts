// The retailer's accounts on messaging platforms (a Facebook page, an Instagram account, a WhatsApp
// business number, a Twilio number) and its shops' support addresses (email, no credentials). Each
// may name the hub channel (shop) it answers for, which the conversations reaching it record. Connectors read them to verify deliveries (app secret, verify
// token, auth token) and to send (access token). Credentials are stored as JSON sealed with the
// secret box (OMNIHUB_SECRETS_KEY), bound to their row; reads for agents never carry them.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { createSecretBox, type SecretBox } from '../../platform/secrets/secret-box.js';
import type { inboxChannelAccounts } from './inbox.schema.js';

export const ACCOUNT_KINDS = ['messenger', 'instagram', 'whatsapp', 'sms', 'email'] as const;
export const AccountKind = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof AccountKind>;

export const ChannelAccount = z.object({
  id: z.string(),
  kind: AccountKind,
  name: z.string(),
  externalAccountId: z
    .string()
    .describe('page id, Instagram account id, WhatsApp phone_number_id, Twilio number or support address'),
  channelId: z.string().nullable().describe('the hub channel (shop) the account answers for'),
  settings: z.record(z.string(), z.string()),
  /** Which credentials are stored (never their values). */
  credentialNames: z.array(z.string()),
  status: z.enum(['active', 'paused']),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ChannelAccount = z.infer<typeof ChannelAccount>;
/** An account with its opened credentials: for connectors only, never sent to a client. */
export type ChannelAccountWithCredentials = ChannelAccount & { credentials: Record<string, string> };

export interface SaveChannelAccountInput {
  kind: AccountKind;
  name: string;
  externalAccountId: string;
  settings: Record<string, string>;
  credentials: Record<string, string>;
  channelId?: string | null | undefined;
  status?: 'active' | 'paused' | undefined;
}

type AccountRow = SqlRow<typeof inboxChannelAccounts>;

export interface ChannelAccountStore {
  /** Creates the account, or replaces the one with the same kind and platform id. */
  save(ctx: Ctx, input: SaveChannelAccountInput): Promise<ChannelAccount>;
  list(ctx: Ctx): Promise<ChannelAccount[]>;
  /** With credentials (connectors verify and send with them); null when unknown. */
  withCredentials(ctx: Ctx, id: string): Promise<ChannelAccountWithCredentials | null>;
  /** The oldest active account of a kind, with credentials (where replies go out). */
  activeOfKind(ctx: Ctx, kind: AccountKind): Promise<ChannelAccountWithCredentials | null>;
  /**
   * The account a reply goes out through: the one the customer wrote to when it is still active and
   * of this kind, else the kind's oldest active account; null when none is.
   */
  sendingAccount(
    ctx: Ctx,
    kind: AccountKind,
    preferredId: string | null | undefined,
  ): Promise<ChannelAccountWithCredentials | null>;
  /** The channel of the first active support address (email account) among a mail's recipients. */
  channelOfAddresses(ctx: Ctx, addresses: string[]): Promise<string | null>;
  /**
   * The active support address (email account) a reply is sent from: this account when it is one,
   * else the oldest of the shop's; null when there is none.
   */
  supportAddress(
    ctx: Ctx,
    o: { accountId: string | null; channelId: string | null },
  ): Promise<{ name: string; address: string } | null>;
  remove(ctx: Ctx, id: string): Promise<void>;
}

/**
 * How long an account read by id is kept in this process. Every webhook delivery reads its account
 * (to verify the signature), and accounts change rarely: a change made here drops the kept ones at
 * once; one made on another node (or by hand in SQL) is honoured within this time.
 */
export const KEPT_ACCOUNT_MS = 5_000;
/** Accounts kept at most (ids come from URLs: unknown ones are never kept, this bounds the rest). */
const MAX_KEPT_ACCOUNTS = 1_000;

export function createChannelAccountStore(
  deps: { secrets?: SecretBox | undefined; now?: () => number } = {},
): ChannelAccountStore {
  const box = deps.secrets ?? createSecretBox(undefined);
  const nowMs = deps.now ?? Date.now;
  const kept = new Map<string, { account: ChannelAccountWithCredentials; at: number }>();
  // Bumped by every change: a read that began before one must not keep what it read.
  let generation = 0;
  const drop = () => {
    generation++;
    kept.clear();
  };
  /** After a change is written: now, and again once it commits (inside a caller's transaction). */
  const forget = (ctx: Ctx) => {
    drop();
    ctx.afterCommit(drop);
  };
  const where = (id: string) => `inbox_channel_accounts.credentials:${id}`;
  const toAccount = (r: AccountRow, credentialNames: string[]): ChannelAccount => ({
    id: r.id,
    kind: r.kind as AccountKind,
    name: r.name,
    externalAccountId: r.external_account_id,
    channelId: r.channel_id ?? null,
    settings: r.settings,
    credentialNames,
    status: r.status,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  });
  const opened = (r: AccountRow): ChannelAccountWithCredentials => {
    const credentials = JSON.parse(box.open(r.credentials, where(r.id))) as Record<string, string>;
    return { ...toAccount(r, Object.keys(credentials).sort()), credentials };
  };

  const store: ChannelAccountStore = {
    async save(ctx, input) {
      const now = ctx.clock.now().toISOString();
      const existing = await firstRow<{ id: string }>(
        ctx.db,
        sql`select id from inbox_channel_accounts where kind = ${input.kind} and external_account_id = ${input.externalAccountId}`,
      );
      const id = existing?.id ?? newId('ica');
      const credentials = box.seal(JSON.stringify(input.credentials), where(id));
      const r = await firstRow<AccountRow>(
        ctx.db,
        sql`insert into inbox_channel_accounts (id, kind, name, external_account_id, settings, credentials, status, channel_id, created_at, updated_at)
            values (${id}, ${input.kind}, ${input.name}, ${input.externalAccountId}, ${JSON.stringify(input.settings)}::jsonb,
                    ${credentials}, ${input.status ?? 'active'}, ${input.channelId ?? null}, ${now}, ${now})
            on conflict (kind, external_account_id) do update set name = excluded.name, settings = excluded.settings,
              credentials = excluded.credentials, status = excluded.status, channel_id = excluded.channel_id,
              updated_at = excluded.updated_at
            returning *`,
      );
      forget(ctx);
      return toAccount(r!, Object.keys(input.credentials).sort());
    },
    async list(ctx) {
      const all = await rows<AccountRow>(
        ctx.db,
        sql`select * from inbox_channel_accounts order by created_at, id`,
      );
      return all.map((r) => {
        const { credentials: _, ...account } = opened(r);
        return account;
      });
    },
    async withCredentials(ctx, id) {
      // Inside a transaction the read may see its own uncommitted change: not kept.
      const k = ctx.inTx ? undefined : kept.get(id);
      if (k && nowMs() - k.at <= KEPT_ACCOUNT_MS) return k.account;
      const gen = generation;
      const at = nowMs();
      const r = await firstRow<AccountRow>(
        ctx.db,
        sql`select * from inbox_channel_accounts where id = ${id}`,
      );
      const account = r ? opened(r) : null;
      if (account && !ctx.inTx && gen === generation) {
        if (kept.size >= MAX_KEPT_ACCOUNTS) kept.clear();
        kept.set(id, { account, at });
      }
      return account;
    },
    async activeOfKind(ctx, kind) {
      const r = await firstRow<AccountRow>(
        ctx.db,
        sql`select * from inbox_channel_accounts where kind = ${kind} and status = 'active' order by created_at, id limit 1`,
      );
      return r ? opened(r) : null;
    },
    async sendingAccount(ctx, kind, preferredId) {
      if (preferredId) {
        const own = await store.withCredentials(ctx, preferredId);
        if (own && own.kind === kind && own.status === 'active') return own;
      }
      return store.activeOfKind(ctx, kind);
    },
    async channelOfAddresses(ctx, addresses) {
      if (addresses.length === 0) return null;
      const r = await firstRow<{ channel_id: string }>(
        ctx.db,
        sql`select channel_id from inbox_channel_accounts
            where kind = 'email' and status = 'active' and channel_id is not null
              and external_account_id = any(${sql.param(addresses.map((a) => a.trim().toLowerCase()))}::text[])
            order by created_at, id limit 1`,
      );
      return r?.channel_id ?? null;
    },
    async supportAddress(ctx, o) {
      if (!o.accountId && !o.channelId) return null;
      const r = await firstRow<{ name: string; external_account_id: string }>(
        ctx.db,
        sql`select name, external_account_id from inbox_channel_accounts
            where kind = 'email' and status = 'active'
              and (id = ${o.accountId} or (channel_id is not null and channel_id = ${o.channelId}))
            order by (id = ${o.accountId}) desc, created_at, id limit 1`,
      );
      return r ? { name: r.name, address: r.external_account_id } : null;
    },
    async remove(ctx, id) {
      const r = await firstRow<{ id: string }>(
        ctx.db,
        sql`delete from inbox_channel_accounts where id = ${id} returning id`,
      );
      forget(ctx);
      if (!r) throw new AppError('not_found', `There is no channel account ${id}`);
    },
  };
  return store;
}
