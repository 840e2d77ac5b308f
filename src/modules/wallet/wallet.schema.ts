// The wallet: one set of accounts per customer (loyalty points, store credit) plus gift cards held by
// whoever has the code, all moved by ONE append-only ledger. An account's balance is kept on its row,
// changed only by the statement that appends its entry (a conditional UPDATE: never below zero).
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PointsLine } from './loyalty-rules.js';
import type { EntryKind, WalletAccountKind } from './wallet.types.js';

export const walletAccounts = pgTable(
  'wallet_accounts',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<WalletAccountKind>().notNull(),
    // The customer profile, by id (the customers module owns profiles); null for an unbound gift card.
    profileId: text('profile_id'),
    // sha256 of the code (gift cards, store credit): the code itself is shown once, never stored.
    codeHash: text('code_hash'),
    // The code's last characters, to tell cards apart on a screen.
    codeHint: text('code_hint'),
    // Money accounts have a currency; points have none (their value per currency is a rule).
    currency: text('currency'),
    balance: integer('balance').notNull().default(0),
    // Points: everything ever earned (tiers are reached by it); money: everything ever credited.
    lifetime: integer('lifetime').notNull().default(0),
    tier: text('tier'),
    status: text('status').$type<'active' | 'blocked'>().notNull().default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    // Where it came from: the order a store credit refunds, the channel a gift card was sold on.
    originOrderId: text('origin_order_id'),
    originChannelId: text('origin_channel_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('wallet_accounts_balance_nonnegative', sql`${t.balance} >= 0`),
    uniqueIndex('wallet_accounts_code_idx').on(t.codeHash),
    // ONE points account per customer profile.
    uniqueIndex('wallet_accounts_points_idx').on(t.profileId).where(sql`kind = 'points'`),
    index('wallet_accounts_profile_idx').on(t.profileId),
  ],
);

export const walletEntries = pgTable(
  'wallet_entries',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    // Signed: credits positive, debits negative (points or minor units of the account's currency).
    amount: integer('amount').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    // What it is for, unique per account: a repeat (a replayed event, a retried undo) writes nothing.
    ref: text('ref').notNull(),
    orderId: text('order_id'),
    channelId: text('channel_id'),
    // Money value of a points entry (redeemed as a tender, or earned on), in `currency`.
    moneyAmount: integer('money_amount'),
    currency: text('currency'),
    reason: text('reason'),
    // Points per SKU: what an order's lines earned (earn), what returned units took back (reverse).
    lines: jsonb('lines').$type<PointsLine[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('wallet_entries_ref_idx').on(t.accountId, t.ref),
    index('wallet_entries_account_idx').on(t.accountId, t.createdAt),
    index('wallet_entries_order_idx').on(t.orderId),
    // The omnichannel score's window (entries on a channel since a date).
    index('wallet_entries_created_idx').on(t.createdAt),
  ],
);

/** The loyalty programme's rules (one row, `loyalty`). */
export const walletSettings = pgTable('wallet_settings', {
  id: text('id').primaryKey(),
  rules: jsonb('rules').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Failed code look-ups per caller and window: guessing gift card codes is slowed to a stop. */
export const walletCodeAttempts = pgTable('wallet_code_attempts', {
  callerKey: text('caller_key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
});
