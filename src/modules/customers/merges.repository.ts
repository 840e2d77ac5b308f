// SQL for merges decided outside ingestion: merge records, the review queue and the pairs that
// must stay apart. Through the query builder (typed rows); none of this is on the ingest hot path.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { customerMergeBlocks, customerMergeReviews, customerMerges } from './customers.schema.js';
import type { MergeRecord, MergeReview } from './customers.types.js';
import { pairKey } from './identity-resolution.js';

const toMerge = (r: typeof customerMerges.$inferSelect): MergeRecord => ({
  id: r.id,
  winnerId: r.winnerId,
  loserId: r.loserId,
  movedProfileIds: r.movedProfileIds,
  reason: r.reason,
  evidence: r.evidence ?? {},
  status: r.status,
  actor: r.actor,
  createdAt: r.createdAt,
  undoneAt: r.undoneAt,
});

const toReview = (r: typeof customerMergeReviews.$inferSelect): MergeReview => ({
  id: r.id,
  profileIds: r.profileIds,
  rule: r.rule,
  reason: r.reason,
  evidence: r.evidence ?? {},
  status: r.status,
  mergeId: r.mergeId,
  decidedBy: r.decidedBy,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
});

/** A merge still in force, as an edge between the two profiles whose identifiers it joined. */
export interface MergeEdge {
  id: string;
  linked: [string, string];
}

/** The active merges that involve any of the profiles (a cluster's members), as edges. */
export async function selectActiveMergeEdges(exec: Executor, profileIds: string[]): Promise<MergeEdge[]> {
  const r = await exec
    .select({
      id: customerMerges.id,
      winnerId: customerMerges.winnerId,
      loserId: customerMerges.loserId,
      linked: customerMerges.linkedProfileIds,
    })
    .from(customerMerges)
    .where(
      and(
        eq(customerMerges.status, 'active'),
        or(inArray(customerMerges.winnerId, profileIds), inArray(customerMerges.loserId, profileIds)),
      ),
    );
  return r.map((m) => ({
    id: m.id,
    linked: m.linked?.length === 2 ? [m.linked[0]!, m.linked[1]!] : [m.winnerId, m.loserId],
  }));
}

/** Whether any profile of `a` must stay apart from any profile of `b`. */
export async function anyBlockedPair(exec: Executor, a: string[], b: string[]): Promise<boolean> {
  const keys = a.flatMap((x) => b.map((y) => pairKey(x, y)));
  const [r] = await exec
    .select({ n: sql`count(*)::int`.mapWith(Number) })
    .from(customerMergeBlocks)
    .where(
      sql`${customerMergeBlocks.profileA} || '|' || ${customerMergeBlocks.profileB} = any(${sql.param(keys)}::text[])`,
    );
  return (r?.n ?? 0) > 0;
}

/** Keeps two profiles apart from now on (the pair is stored sorted). */
export async function insertMergeBlock(exec: Executor, a: string, b: string, reason: string, at: Date) {
  const [x, y] = a < b ? [a, b] : [b, a];
  await exec
    .insert(customerMergeBlocks)
    .values({ profileA: x, profileB: y, reason, createdAt: at })
    .onConflictDoNothing();
}

export async function selectMergeForUpdate(exec: Executor, id: string): Promise<MergeRecord | undefined> {
  const [r] = await exec.select().from(customerMerges).where(eq(customerMerges.id, id)).for('update');
  return r ? toMerge(r) : undefined;
}

export async function markMergeUndone(exec: Executor, id: string, at: Date): Promise<void> {
  await exec.update(customerMerges).set({ status: 'undone', undoneAt: at }).where(eq(customerMerges.id, id));
}

/** Merges that involve any of the profiles (as winner or loser), oldest first. */
export async function selectMergesOf(exec: Executor, profileIds: string[]): Promise<MergeRecord[]> {
  const r = await exec
    .select()
    .from(customerMerges)
    .where(or(inArray(customerMerges.winnerId, profileIds), inArray(customerMerges.loserId, profileIds)))
    .orderBy(asc(customerMerges.createdAt), asc(customerMerges.id));
  return r.map(toMerge);
}

export async function selectReviewForUpdate(exec: Executor, id: string): Promise<MergeReview | undefined> {
  const [r] = await exec
    .select()
    .from(customerMergeReviews)
    .where(eq(customerMergeReviews.id, id))
    .for('update');
  return r ? toReview(r) : undefined;
}

export async function decideReviewRow(
  exec: Executor,
  id: string,
  d: { status: MergeReview['status']; mergeId: string | null; decidedBy: string; at: Date },
): Promise<MergeReview | undefined> {
  const [r] = await exec
    .update(customerMergeReviews)
    .set({ status: d.status, mergeId: d.mergeId, decidedBy: d.decidedBy, decidedAt: d.at })
    .where(eq(customerMergeReviews.id, id))
    .returning();
  return r ? toReview(r) : undefined;
}

export async function selectReviews(
  exec: Executor,
  status: MergeReview['status'],
  limit: number,
): Promise<MergeReview[]> {
  const r = await exec
    .select()
    .from(customerMergeReviews)
    .where(eq(customerMergeReviews.status, status))
    .orderBy(asc(customerMergeReviews.createdAt), asc(customerMergeReviews.id))
    .limit(limit);
  return r.map(toReview);
}
