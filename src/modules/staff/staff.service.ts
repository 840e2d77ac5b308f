// Staff members and their sign-in: email + password (staff-passwords.ts), sessions held as a bearer
// token (`ohst_` + 256 random bits, stored as SHA-256) that end 4 h after the last use and 12 h (a
// long shift) after sign-in at the latest, when revoked, or when the member is disabled. Five wrong
// passwords in a row lock the account for 15 minutes; an unknown address, a member without a
// password, a disabled or locked one all get the same refusal, after the same work.
import { createHash, randomBytes } from 'node:crypto';
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Actor, type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import {
  memberCreatedEvent,
  memberUpdatedEvent,
  staffSignedInEvent,
  staffSignedOutEvent,
} from './staff.events.js';
import {
  clearFailedAttempts,
  insertMember,
  insertSession,
  type MemberSqlRow,
  recordFailedAttempt,
  revokeSessionRow,
  revokeSessionsOfMember,
  selectMember,
  selectMemberByEmail,
  selectMembers,
  selectSessionBySecret,
  toMember,
  touchSession,
  updateMember,
} from './staff.repository.js';
import { ROLE_SCOPES } from './staff.roles.js';
import type { CreateStaffMember, StaffMember, StaffSession, UpdateStaffMember } from './staff.types.js';
import { consumeStaffCode, issueStaffCode } from './staff-codes.repository.js';
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  verifyAgainstNothing,
  verifyPassword,
} from './staff-passwords.js';

export const STAFF_TOKEN_PREFIX = 'ohst_';

export const STAFF_SESSION_POLICY = {
  idleMs: 4 * 3600_000,
  absoluteMs: 12 * 3600_000,
  /** Last use is written at most this often, so requests do not each cost a write. */
  touchEveryMs: 5 * 60_000,
  maxFailedAttempts: 5,
  lockMs: 15 * 60_000,
} as const;

/** Where a member may sign in: the store locations of the till they name (resolved by the caller). */
export interface SignInPlace {
  channelId: string;
  storeLocationIds: readonly string[];
}

export interface StaffService {
  /** Adds a member (409 `staff_email_taken` when the address is someone's already). */
  createMember(ctx: Ctx, input: CreateStaffMember): Promise<StaffMember>;
  /** Every member, by name. */
  listMembers(ctx: Ctx): Promise<StaffMember[]>;
  /** One member, or 404. */
  getMember(ctx: Ctx, id: string): Promise<StaffMember>;
  /** Changes a member; disabling one ends their sessions at once. */
  updateMember(ctx: Ctx, id: string, patch: UpdateStaffMember): Promise<StaffMember>;
  /**
   * The member whose email and password these are, if active and not locked; else 401
   * `staff_sign_in_failed`, the same for every reason. Counts wrong passwords.
   */
  checkCredentials(ctx: Ctx, email: string, password: string): Promise<StaffMember>;
  /**
   * Opens a session for a member: at a till when `place` is given (403 `staff_store_forbidden` if
   * they work elsewhere); without one only for members tied to no store and not clerks.
   */
  openSession(
    ctx: Ctx,
    member: StaffMember,
    place: SignInPlace | null,
  ): Promise<{ token: string; session: StaffSession }>;
  /** The live session and actor a token opens, or null (unknown, ended, member disabled). */
  resolveToken(ctx: Ctx, token: string): Promise<{ session: StaffSession; actor: Actor } | null>;
  /** Ends the session a token opens (sign-out); an ended one changes nothing. */
  signOut(ctx: Ctx, token: string): Promise<void>;
  /**
   * A one-time code for an active member with this address, to be mailed; undefined for an unknown
   * or disabled address or a spent mail quota (the caller answers the same either way).
   */
  issueSignInCode(ctx: Ctx, email: string): Promise<{ member: StaffMember; code: string } | undefined>;
  /** The member whose emailed code this is (used up now); else 401 `staff_sign_in_failed`. */
  checkSignInCode(ctx: Ctx, email: string, code: string): Promise<StaffMember>;
  /**
   * The signed-in member changes their own password: the current one is required (a wrong one
   * counts toward the lock, 422 naming body.currentPassword); every other session of theirs ends.
   */
  changeOwnPassword(ctx: Ctx, token: string, current: string, next: string): Promise<void>;
}

const secretHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const staffActor = (member: StaffMember, session: StaffSession): Actor => ({
  kind: 'session',
  keyKind: 'staff',
  id: member.id,
  name: member.name,
  scopes: member.scopes,
  channelId: session.channelId,
});

function changedFields(patch: UpdateStaffMember): string[] {
  return Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

export interface StaffDeps {
  /** log2 of scrypt's N for new password hashes (default 16). */
  passwordCost?: number | undefined;
}

export function createStaffService(deps: StaffDeps = {}): StaffService {
  const cost = deps.passwordCost ?? DEFAULT_PASSWORD_COST;
  const signInFailed = () =>
    new AppError(
      'staff_sign_in_failed',
      'The email address or password is wrong, or the account cannot sign in',
    );

  async function liveMember(ctx: Ctx, row: MemberSqlRow | undefined, password: string) {
    const now = ctx.clock.now();
    if (!row || !row.password_hash || !row.active) return verifyAgainstNothing(password, cost);
    if (row.locked_until && new Date(row.locked_until) > now) return verifyAgainstNothing(password, cost);
    if (await verifyPassword(password, row.password_hash)) {
      await clearFailedAttempts(ctx.db, row.id);
      return true;
    }
    const lockUntil = new Date(now.getTime() + STAFF_SESSION_POLICY.lockMs);
    await recordFailedAttempt(ctx.db, row.id, STAFF_SESSION_POLICY.maxFailedAttempts, lockUntil);
    return false;
  }

  return {
    async createMember(ctx, input) {
      const passwordHash = input.password ? await hashPassword(input.password, cost) : null;
      return inTransaction(ctx, async (tx) => {
        const row = await insertMember(tx.db, {
          id: newId('stf'),
          name: input.name,
          email: input.email,
          role: input.role,
          locationIds: input.locationIds,
          passwordHash,
          now: tx.clock.now(),
        });
        if (!row) {
          throw new AppError('staff_email_taken', 'A staff member already signs in with this address', {
            issues: [{ path: 'body.email', message: 'already in use' }],
          });
        }
        const member = toMember(row);
        await appendEvents(tx, [memberCreatedEvent({ staffId: member.id, role: member.role, active: true })]);
        return member;
      });
    },

    async listMembers(ctx) {
      return (await selectMembers(ctx.db)).map(toMember);
    },

    async getMember(ctx, id) {
      const row = await selectMember(ctx.db, id);
      if (!row) throw notFound('staff member', id);
      return toMember(row);
    },

    async updateMember(ctx, id, patch) {
      const passwordHash = patch.password ? await hashPassword(patch.password, cost) : undefined;
      return inTransaction(ctx, async (tx) => {
        const now = tx.clock.now();
        const row = await updateMember(tx.db, id, { ...patch, passwordHash }, now);
        if (!row) throw notFound('staff member', id);
        // A disabled member, a new role or a new password: sessions opened before it end now.
        if (patch.active === false || patch.role || patch.password || patch.locationIds) {
          await revokeSessionsOfMember(tx.db, id, now);
        }
        const member = toMember(row);
        await appendEvents(tx, [
          memberUpdatedEvent({
            staffId: id,
            role: member.role,
            active: member.active,
            changed: changedFields(patch),
          }),
        ]);
        return member;
      });
    },

    async checkCredentials(ctx, email, password) {
      const row = await selectMemberByEmail(ctx.db, email.trim().toLowerCase());
      if (!(await liveMember(ctx, row, password)) || !row) throw signInFailed();
      return toMember(row);
    },

    async openSession(ctx, member, place) {
      // Clerks, and anyone tied to stores, work at a till: their session is that till's channel.
      if (!place && (member.role === 'clerk' || member.locationIds.length > 0)) {
        throw new AppError('staff_store_forbidden', 'Sign in at a till of your store', {
          details: { locationIds: member.locationIds },
        });
      }
      if (place && member.locationIds.length > 0) {
        const works = place.storeLocationIds.some((id) => member.locationIds.includes(id));
        if (!works) {
          throw new AppError('staff_store_forbidden', 'This staff member does not work at this store', {
            details: { channelId: place.channelId },
          });
        }
      }
      const token = `${STAFF_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + STAFF_SESSION_POLICY.idleMs);
      return inTransaction(ctx, async (tx) => {
        const session = await insertSession(tx.db, {
          id: newId('sts'),
          secretHash: secretHashOf(token),
          staffId: member.id,
          channelId: place?.channelId ?? null,
          now,
          expiresAt,
        });
        await appendEvents(tx, [
          staffSignedInEvent({
            sessionId: session.id,
            staffId: member.id,
            channelId: session.channelId,
            expiresAt: expiresAt.toISOString(),
          }),
        ]);
        return { token, session };
      });
    },

    async resolveToken(ctx, token) {
      if (!token.startsWith(STAFF_TOKEN_PREFIX)) return null;
      const found = await selectSessionBySecret(ctx.db, secretHashOf(token));
      const now = ctx.clock.now();
      if (!found || found.revoked || found.session.expiresAt <= now || !found.member.active) return null;
      const member = toMember(found.member);
      let session = found.session;
      if (now.getTime() - found.lastSeenAt.getTime() >= STAFF_SESSION_POLICY.touchEveryMs) {
        const absoluteEnd = session.createdAt.getTime() + STAFF_SESSION_POLICY.absoluteMs;
        const expiresAt = new Date(Math.min(absoluteEnd, now.getTime() + STAFF_SESSION_POLICY.idleMs));
        await touchSession(ctx.db, session.id, now, expiresAt);
        session = { ...session, expiresAt };
      }
      return { session, actor: staffActor(member, session) };
    },

    async issueSignInCode(ctx, email) {
      const row = await selectMemberByEmail(ctx.db, email.trim().toLowerCase());
      if (!row?.active) return undefined;
      const code = await issueStaffCode(ctx.db, row.id, ctx.clock.now());
      return code ? { member: toMember(row), code } : undefined;
    },

    async checkSignInCode(ctx, email, code) {
      const row = await selectMemberByEmail(ctx.db, email.trim().toLowerCase());
      const locked = row?.locked_until && new Date(row.locked_until) > ctx.clock.now();
      if (!row?.active || locked) throw signInFailed();
      const right = await inTransaction(ctx, (tx) => consumeStaffCode(tx.db, row.id, code, tx.clock.now()));
      if (!right) throw signInFailed();
      return toMember(row);
    },

    async changeOwnPassword(ctx, token, current, next) {
      const found = await selectSessionBySecret(ctx.db, secretHashOf(token));
      if (!found || found.revoked) throw signInFailed();
      if (!(await liveMember(ctx, found.member, current))) {
        throw new AppError('validation_failed', 'The current password is wrong', {
          issues: [{ path: 'body.currentPassword', message: 'wrong password', code: 'wrong_password' }],
        });
      }
      const passwordHash = await hashPassword(next, cost);
      await inTransaction(ctx, async (tx) => {
        const now = tx.clock.now();
        await updateMember(tx.db, found.member.id, { passwordHash }, now);
        await revokeSessionsOfMember(tx.db, found.member.id, now, found.session.id);
        await appendEvents(tx, [
          memberUpdatedEvent({
            staffId: found.member.id,
            role: found.member.role,
            active: found.member.active,
            changed: ['password'],
          }),
        ]);
      });
    },

    async signOut(ctx, token) {
      const found = await selectSessionBySecret(ctx.db, secretHashOf(token));
      if (!found) return;
      await inTransaction(ctx, async (tx) => {
        if (await revokeSessionRow(tx.db, found.session.id, tx.clock.now())) {
          await appendEvents(tx, [
            staffSignedOutEvent({ sessionId: found.session.id, staffId: found.session.staffId }),
          ]);
        }
      });
    },
  };
}

/** The scopes of a role (for callers that show or check them without a member at hand). */
export const scopesOfRole = (role: keyof typeof ROLE_SCOPES): readonly string[] => ROLE_SCOPES[role];
