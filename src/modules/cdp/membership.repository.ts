// SQL for what the CDP keeps about customers: audience memberships, the counted events and the
// tracking plan's violation counters.
import { and, asc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { cdpAudienceMembers, cdpProfileEvents, cdpTrackingViolations } from './cdp.schema.js';
import type { AudienceMember, TrackingViolation, ViolationExample } from './cdp.types.js';
import type { CountedEvent } from './rules.js';

export interface Membership {
  audienceId: string;
  customerId: string;
}

export async function selectMembers(
  exec: Executor,
  audienceId: string,
  o: { after?: string | undefined; limit: number },
): Promise<AudienceMember[]> {
  return exec
    .select({ customerId: cdpAudienceMembers.customerId, enteredAt: cdpAudienceMembers.enteredAt })
    .from(cdpAudienceMembers)
    .where(
      and(
        eq(cdpAudienceMembers.audienceId, audienceId),
        o.after ? gt(cdpAudienceMembers.customerId, o.after) : undefined,
      ),
    )
    .orderBy(asc(cdpAudienceMembers.customerId))
    .limit(o.limit);
}

export async function selectMemberships(exec: Executor, customerIds: string[]): Promise<Membership[]> {
  if (customerIds.length === 0) return [];
  return exec
    .select({ audienceId: cdpAudienceMembers.audienceId, customerId: cdpAudienceMembers.customerId })
    .from(cdpAudienceMembers)
    .where(inArray(cdpAudienceMembers.customerId, customerIds));
}

/** Adds memberships; returns those that were new. */
export async function insertMembers(exec: Executor, list: Membership[], at: Date): Promise<Membership[]> {
  if (list.length === 0) return [];
  return exec
    .insert(cdpAudienceMembers)
    .values(list.map((m) => ({ ...m, enteredAt: at })))
    .onConflictDoNothing()
    .returning({ audienceId: cdpAudienceMembers.audienceId, customerId: cdpAudienceMembers.customerId });
}

/** Removes memberships; returns those that were there. */
export async function deleteMembers(exec: Executor, list: Membership[]): Promise<Membership[]> {
  if (list.length === 0) return [];
  return exec
    .delete(cdpAudienceMembers)
    .where(
      sql`(${cdpAudienceMembers.audienceId}, ${cdpAudienceMembers.customerId}) in (${sql.join(
        list.map((m) => sql`(${m.audienceId}, ${m.customerId})`),
        sql`, `,
      )})`,
    )
    .returning({ audienceId: cdpAudienceMembers.audienceId, customerId: cdpAudienceMembers.customerId });
}

/** Every membership of these customers, removed (a merged-away profile, an erased customer). */
export async function deleteMembershipsOf(exec: Executor, customerIds: string[]): Promise<Membership[]> {
  if (customerIds.length === 0) return [];
  return exec
    .delete(cdpAudienceMembers)
    .where(inArray(cdpAudienceMembers.customerId, customerIds))
    .returning({ audienceId: cdpAudienceMembers.audienceId, customerId: cdpAudienceMembers.customerId });
}

export async function deleteMembersOfAudience(exec: Executor, audienceId: string): Promise<string[]> {
  const r = await exec
    .delete(cdpAudienceMembers)
    .where(eq(cdpAudienceMembers.audienceId, audienceId))
    .returning({ customerId: cdpAudienceMembers.customerId });
  return r.map((m) => m.customerId);
}

export interface ProfileEventRow {
  profileId: string;
  messageId: string;
  eventName: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

/** Keeps the counted events (a replay of the same message changes nothing). */
export async function insertProfileEvents(exec: Executor, list: ProfileEventRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += 2_000) {
    await exec
      .insert(cdpProfileEvents)
      .values(list.slice(i, i + 2_000))
      .onConflictDoNothing();
  }
}

/** The counted events of these profiles since a time, of these names. */
export async function selectProfileEvents(
  exec: Executor,
  profileIds: string[],
  names: string[],
  since: Date,
): Promise<Array<CountedEvent & { profileId: string }>> {
  if (profileIds.length === 0 || names.length === 0) return [];
  const r = await exec
    .select({
      profileId: cdpProfileEvents.profileId,
      name: cdpProfileEvents.eventName,
      occurredAt: cdpProfileEvents.occurredAt,
      properties: cdpProfileEvents.properties,
    })
    .from(cdpProfileEvents)
    .where(
      and(
        inArray(cdpProfileEvents.profileId, profileIds),
        inArray(cdpProfileEvents.eventName, names),
        gte(cdpProfileEvents.occurredAt, since),
      ),
    );
  return r;
}

export async function deleteProfileEventsOf(exec: Executor, profileIds: string[]): Promise<number> {
  if (profileIds.length === 0) return 0;
  const r = await exec
    .delete(cdpProfileEvents)
    .where(inArray(cdpProfileEvents.profileId, profileIds))
    .returning({ id: cdpProfileEvents.messageId });
  return r.length;
}

export interface ViolationCount {
  eventName: string;
  violations: number;
  blocked: number;
  at: Date;
  example: ViolationExample;
}

/** Adds to the violation counters, keeping the newest example. */
export async function upsertViolations(exec: Executor, list: ViolationCount[]): Promise<void> {
  for (const v of list) {
    await exec
      .insert(cdpTrackingViolations)
      .values({
        eventName: v.eventName,
        violations: v.violations,
        blocked: v.blocked,
        firstAt: v.at,
        lastAt: v.at,
        example: v.example,
      })
      .onConflictDoUpdate({
        target: cdpTrackingViolations.eventName,
        set: {
          violations: sql`${cdpTrackingViolations.violations} + ${v.violations}`,
          blocked: sql`${cdpTrackingViolations.blocked} + ${v.blocked}`,
          lastAt: v.at,
          example: v.example,
        },
      });
  }
}

export async function selectViolations(exec: Executor): Promise<TrackingViolation[]> {
  return exec.select().from(cdpTrackingViolations).orderBy(asc(cdpTrackingViolations.eventName));
}

export async function deleteViolations(exec: Executor, eventName: string): Promise<void> {
  await exec.delete(cdpTrackingViolations).where(eq(cdpTrackingViolations.eventName, eventName));
}
