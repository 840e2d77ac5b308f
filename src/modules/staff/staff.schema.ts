// Staff: the people who run the business (clerks, store managers, agents, marketers, admins), each
// with one role whose scopes are fixed in code (staff.roles.ts), and the sessions they sign in to.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { StaffRole } from './staff.roles.js';

export const staffMembers = pgTable(
  'staff_members',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    // Lower-cased work address: the sign-in name.
    email: text('email').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    // The store locations (inventory module), by id, where the member works; empty: anywhere.
    locationIds: text('location_ids').array().notNull(),
    active: boolean('active').notNull().default(true),
    // `scrypt$N$r$p$salt$hash` (staff-passwords.ts); null until a password is set.
    passwordHash: text('password_hash'),
    // Wrong passwords in a row, and the time until which sign-in is refused after too many.
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('staff_members_email_idx').on(t.email)],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    // SHA-256 of the 256-bit random secret the member's app holds (bearer token).
    secretHash: text('secret_hash').notNull(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    // The till (store channel) the member signed in at, by id; null: not bound to a channel.
    channelId: text('channel_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('staff_sessions_secret_idx').on(t.secretHash),
    index('staff_sessions_staff_idx').on(t.staffId).where(sql`revoked_at is null`),
  ],
);

/** One live emailed sign-in code per member (staff-codes.repository.ts): a new request replaces it. */
export const staffSignInCodes = pgTable('staff_sign_in_codes', {
  staffId: text('staff_id')
    .primaryKey()
    .references(() => staffMembers.id, { onDelete: 'cascade' }),
  // SHA-256 of salt + code; the salt is per code so equal codes never share a hash.
  codeSalt: text('code_salt').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  // Codes mailed in the current window, to cap how many mails one member can be sent.
  sendsInWindow: integer('sends_in_window').notNull().default(1),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
