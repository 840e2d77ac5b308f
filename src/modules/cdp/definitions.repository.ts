// SQL for what staff configure: audiences, computed traits, destinations and the tracking plan.
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import {
  cdpAudienceMembers,
  cdpAudiences,
  cdpComputedTraits,
  cdpDestinations,
  cdpTrackingPlans,
} from './cdp.schema.js';
import type { Audience, ComputedTrait, Destination, TrackingPlanEntry } from './cdp.types.js';

type AudienceRow = typeof cdpAudiences.$inferSelect;
type DestinationRow = typeof cdpDestinations.$inferSelect;

const toAudience = (r: AudienceRow, memberCount: number): Audience => ({ ...r, memberCount });
const toDestination = (r: DestinationRow): Destination => ({
  ...r,
  kinds: r.kinds as Destination['kinds'],
});

const memberCountOf = sql<number>`(select count(*)::int from ${cdpAudienceMembers} m where m.audience_id = ${cdpAudiences.id})`;

export async function insertAudience(exec: Executor, a: Omit<Audience, 'memberCount'>): Promise<boolean> {
  const r = await exec
    .insert(cdpAudiences)
    .values(a)
    .onConflictDoNothing()
    .returning({ id: cdpAudiences.id });
  return r.length > 0;
}

export async function updateAudienceRow(exec: Executor, a: Omit<Audience, 'memberCount'>): Promise<void> {
  await exec.update(cdpAudiences).set(a).where(eq(cdpAudiences.id, a.id));
}

export async function deleteAudienceRow(exec: Executor, id: string): Promise<void> {
  await exec.delete(cdpAudiences).where(eq(cdpAudiences.id, id));
}

/** An audience by id or key, with its member count. */
export async function selectAudience(exec: Executor, idOrKey: string): Promise<Audience | undefined> {
  const [r] = await exec
    .select({ a: cdpAudiences, n: memberCountOf })
    .from(cdpAudiences)
    .where(sql`${cdpAudiences.id} = ${idOrKey} or ${cdpAudiences.key} = ${idOrKey}`);
  return r ? toAudience(r.a, Number(r.n)) : undefined;
}

export async function selectAudiences(exec: Executor, withCounts = true): Promise<Audience[]> {
  if (!withCounts) {
    const list = await exec.select().from(cdpAudiences).orderBy(asc(cdpAudiences.key));
    return list.map((a) => toAudience(a, 0));
  }
  const list = await exec
    .select({ a: cdpAudiences, n: memberCountOf })
    .from(cdpAudiences)
    .orderBy(asc(cdpAudiences.key));
  return list.map((r) => toAudience(r.a, Number(r.n)));
}

export async function insertComputedTrait(exec: Executor, t: ComputedTrait): Promise<boolean> {
  const r = await exec
    .insert(cdpComputedTraits)
    .values(t)
    .onConflictDoNothing()
    .returning({ id: cdpComputedTraits.id });
  return r.length > 0;
}

export async function updateComputedTraitRow(exec: Executor, t: ComputedTrait): Promise<void> {
  await exec.update(cdpComputedTraits).set(t).where(eq(cdpComputedTraits.id, t.id));
}

export async function deleteComputedTraitRow(exec: Executor, id: string): Promise<void> {
  await exec.delete(cdpComputedTraits).where(eq(cdpComputedTraits.id, id));
}

export async function selectComputedTrait(exec: Executor, id: string): Promise<ComputedTrait | undefined> {
  const [r] = await exec.select().from(cdpComputedTraits).where(eq(cdpComputedTraits.id, id));
  return r;
}

export async function selectComputedTraits(exec: Executor): Promise<ComputedTrait[]> {
  return exec.select().from(cdpComputedTraits).orderBy(asc(cdpComputedTraits.traitKey));
}

export async function insertDestination(
  exec: Executor,
  d: Omit<Destination, 'forwarded' | 'filtered' | 'suppressed'>,
): Promise<Destination> {
  const [r] = await exec.insert(cdpDestinations).values(d).returning();
  return toDestination(r!);
}

export async function updateDestinationRow(exec: Executor, d: Destination): Promise<void> {
  const { forwarded: _f, filtered: _x, suppressed: _s, ...rest } = d;
  await exec.update(cdpDestinations).set(rest).where(eq(cdpDestinations.id, d.id));
}

export async function deleteDestinationRow(exec: Executor, id: string): Promise<void> {
  await exec.delete(cdpDestinations).where(eq(cdpDestinations.id, id));
}

export async function selectDestination(exec: Executor, id: string): Promise<Destination | undefined> {
  const [r] = await exec.select().from(cdpDestinations).where(eq(cdpDestinations.id, id));
  return r ? toDestination(r) : undefined;
}

export async function selectDestinations(exec: Executor): Promise<Destination[]> {
  return (await exec.select().from(cdpDestinations).orderBy(asc(cdpDestinations.createdAt))).map(
    toDestination,
  );
}

/** Adds to a destination's counters (one statement per destination and batch). */
export async function addDestinationCounts(
  exec: Executor,
  id: string,
  n: { forwarded: number; filtered: number; suppressed: number },
): Promise<void> {
  await exec
    .update(cdpDestinations)
    .set({
      forwarded: sql`${cdpDestinations.forwarded} + ${n.forwarded}`,
      filtered: sql`${cdpDestinations.filtered} + ${n.filtered}`,
      suppressed: sql`${cdpDestinations.suppressed} + ${n.suppressed}`,
    })
    .where(eq(cdpDestinations.id, id));
}

export async function upsertTrackingPlan(exec: Executor, p: TrackingPlanEntry): Promise<TrackingPlanEntry> {
  const [r] = await exec
    .insert(cdpTrackingPlans)
    .values(p)
    .onConflictDoUpdate({
      target: cdpTrackingPlans.eventName,
      set: { schema: p.schema, block: p.block, updatedAt: p.updatedAt },
    })
    .returning();
  return r!;
}

export async function deleteTrackingPlan(exec: Executor, eventName: string): Promise<boolean> {
  const r = await exec
    .delete(cdpTrackingPlans)
    .where(eq(cdpTrackingPlans.eventName, eventName))
    .returning({ n: cdpTrackingPlans.eventName });
  return r.length > 0;
}

export async function selectTrackingPlan(exec: Executor): Promise<TrackingPlanEntry[]> {
  return exec.select().from(cdpTrackingPlans).orderBy(asc(cdpTrackingPlans.eventName));
}
