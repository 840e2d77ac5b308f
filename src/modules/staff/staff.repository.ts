// SQL of the staff module: members and their sessions.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import { ROLE_SCOPES, type StaffRole } from './staff.roles.js';
import type { staffMembers, staffSessions } from './staff.schema.js';
import type { StaffMember, StaffSession } from './staff.types.js';

export type MemberSqlRow = SqlRow<typeof staffMembers>;
type SessionSqlRow = SqlRow<typeof staffSessions>;

export const toMember = (r: MemberSqlRow): StaffMember => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  locationIds: r.location_ids,
  active: r.active,
  hasPassword: r.password_hash !== null,
  scopes: [...ROLE_SCOPES[r.role]],
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const toSession = (r: SessionSqlRow): StaffSession => ({
  id: r.id,
  staffId: r.staff_id,
  channelId: r.channel_id,
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
});

export interface NewMemberRow {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  locationIds: string[];
  passwordHash: string | null;
  now: Date;
}

/** Undefined when the address is taken. */
export async function insertMember(exec: Executor, m: NewMemberRow): Promise<MemberSqlRow | undefined> {
  return firstRow<MemberSqlRow>(
    exec,
    sql`insert into staff_members (id, name, email, role, location_ids, active, password_hash, created_at, updated_at)
        values (${m.id}, ${m.name}, ${m.email}, ${m.role}, ${sql.param(m.locationIds)}::text[], true,
                ${m.passwordHash}, ${m.now.toISOString()}, ${m.now.toISOString()})
        on conflict (email) do nothing returning *`,
  );
}

export async function selectMembers(exec: Executor): Promise<MemberSqlRow[]> {
  return rows<MemberSqlRow>(exec, sql`select * from staff_members order by name, id`);
}

export async function selectMember(exec: Executor, id: string): Promise<MemberSqlRow | undefined> {
  return firstRow<MemberSqlRow>(exec, sql`select * from staff_members where id = ${id}`);
}

export async function selectMemberByEmail(exec: Executor, email: string): Promise<MemberSqlRow | undefined> {
  return firstRow<MemberSqlRow>(exec, sql`select * from staff_members where email = ${email}`);
}

export interface MemberPatch {
  name?: string | undefined;
  role?: StaffRole | undefined;
  locationIds?: string[] | undefined;
  active?: boolean | undefined;
  passwordHash?: string | undefined;
}

export async function updateMember(
  exec: Executor,
  id: string,
  p: MemberPatch,
  now: Date,
): Promise<MemberSqlRow | undefined> {
  const locations = p.locationIds === undefined ? null : sql.param(p.locationIds);
  return firstRow<MemberSqlRow>(
    exec,
    sql`update staff_members set
          name = coalesce(${p.name ?? null}, name),
          role = coalesce(${p.role ?? null}, role),
          location_ids = coalesce(${locations}::text[], location_ids),
          active = coalesce(${p.active ?? null}::boolean, active),
          password_hash = coalesce(${p.passwordHash ?? null}, password_hash),
          failed_attempts = case when ${p.passwordHash ?? null}::text is null then failed_attempts else 0 end,
          locked_until = case when ${p.passwordHash ?? null}::text is null then locked_until else null end,
          updated_at = ${now.toISOString()}
        where id = ${id} returning *`,
  );
}

/** Counts a wrong password; the `max`th in a row locks sign-in until `lockUntil`. */
export async function recordFailedAttempt(
  exec: Executor,
  id: string,
  max: number,
  lockUntil: Date,
): Promise<void> {
  await exec.execute(
    sql`update staff_members set failed_attempts = failed_attempts + 1,
          locked_until = case when failed_attempts + 1 >= ${max} then ${lockUntil.toISOString()}::timestamptz
                              else locked_until end
        where id = ${id}`,
  );
}

export async function clearFailedAttempts(exec: Executor, id: string): Promise<void> {
  await exec.execute(
    sql`update staff_members set failed_attempts = 0, locked_until = null
        where id = ${id} and (failed_attempts > 0 or locked_until is not null)`,
  );
}

export async function insertSession(
  exec: Executor,
  s: {
    id: string;
    secretHash: string;
    staffId: string;
    channelId: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<StaffSession> {
  const row = await firstRow<SessionSqlRow>(
    exec,
    sql`insert into staff_sessions (id, secret_hash, staff_id, channel_id, created_at, last_seen_at, expires_at)
        values (${s.id}, ${s.secretHash}, ${s.staffId}, ${s.channelId}, ${s.now.toISOString()},
                ${s.now.toISOString()}, ${s.expiresAt.toISOString()})
        returning *`,
  );
  return toSession(row!);
}

export type SessionWithMember = SessionSqlRow & { member: MemberSqlRow };

/** The session a secret opens, with its member, whatever their state (the service decides). */
export async function selectSessionBySecret(
  exec: Executor,
  secretHash: string,
): Promise<{ session: StaffSession; lastSeenAt: Date; revoked: boolean; member: MemberSqlRow } | undefined> {
  const r = await firstRow<SessionSqlRow & { member: MemberSqlRow }>(
    exec,
    sql`select s.*, to_jsonb(m) as member from staff_sessions s join staff_members m on m.id = s.staff_id
        where s.secret_hash = ${secretHash}`,
  );
  if (!r) return undefined;
  return {
    session: toSession(r),
    lastSeenAt: new Date(r.last_seen_at),
    revoked: r.revoked_at !== null,
    member: r.member,
  };
}

export async function touchSession(exec: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await exec.execute(
    sql`update staff_sessions set last_seen_at = ${now.toISOString()}, expires_at = ${expiresAt.toISOString()}
        where id = ${id}`,
  );
}

/** True when this call ended the session (it was live). */
export async function revokeSessionRow(exec: Executor, id: string, now: Date): Promise<boolean> {
  const r = await firstRow<{ id: string }>(
    exec,
    sql`update staff_sessions set revoked_at = ${now.toISOString()} where id = ${id} and revoked_at is null
        returning id`,
  );
  return r !== undefined;
}

/** Ends every live session of the member, but the one `exceptId` names (the member's own, kept). */
export async function revokeSessionsOfMember(
  exec: Executor,
  staffId: string,
  now: Date,
  exceptId: string | null = null,
): Promise<void> {
  await exec.execute(
    sql`update staff_sessions set revoked_at = ${now.toISOString()}
        where staff_id = ${staffId} and revoked_at is null and id is distinct from ${exceptId}`,
  );
}
