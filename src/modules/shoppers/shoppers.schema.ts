// Shopper sign-in: the emailed one-time codes and the sessions they open. No email address is stored:
// a code is found by a hash of the normalised address, and a session names only a customer profile.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const shopperSignInCodes = pgTable(
  'shopper_sign_in_codes',
  {
    id: text('id').primaryKey(),
    // SHA-256 of the lower-cased address: enough to find the code again, not to read the address.
    emailHash: text('email_hash').notNull(),
    channelId: text('channel_id').notNull(),
    // SHA-256 of salt + code; the salt is per row so equal codes never share a hash.
    codeSalt: text('code_salt').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    // Codes sent in the current window, to cap how many mails one address can be sent.
    sendsInWindow: integer('sends_in_window').notNull().default(1),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // One active code per address and channel: a new request replaces the previous code.
  (t) => [uniqueIndex('shopper_sign_in_codes_email_channel_idx').on(t.emailHash, t.channelId)],
);

export const shopperSessions = pgTable(
  'shopper_sessions',
  {
    id: text('id').primaryKey(),
    // SHA-256 of the 256-bit random secret the shopper holds (cookie or bearer token).
    secretHash: text('secret_hash').notNull(),
    // The customer profile (customers module), by id.
    profileId: text('profile_id').notNull(),
    // The channel the shopper signed in on.
    channelId: text('channel_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('shopper_sessions_secret_idx').on(t.secretHash),
    index('shopper_sessions_profile_idx').on(t.profileId).where(sql`revoked_at is null`),
  ],
);
