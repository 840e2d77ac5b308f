// Merges decided by people or rules outside ingestion: manual merges, the review queue (approve or
// reject), and unmerge, which restores both profiles exactly because nothing moved: it clears the
// merged_into pointers the merge set and keeps the pair apart from then on.
import { fail, newId, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { type Clusters, loadClusterSet, restage, splitCluster } from './clusters.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import { insertIdentityLog, insertMerges, lockIdentity, updateProfiles } from './customers.repository.js';
import type { MergeRecord, MergeReview, StageThresholds } from './customers.types.js';
import { type IdentityRules, limitedTypesOf, priorityOf } from './identifiers.js';
import {
  anyBlockedPair,
  decideReviewRow,
  insertMergeBlock,
  markMergeUndone,
  selectActiveMergeEdges,
  selectMergeForUpdate,
  selectMergesOf,
  selectReviewForUpdate,
  selectReviews,
} from './merges.repository.js';
import type { ProfileState } from './profile-state.js';

export type MergeRefusal =
  | { reason: 'not_found'; message: string }
  | { reason: 'same_profile'; message: string }
  | { reason: 'merge_refused'; rule: string; message: string };

export type UnmergeRefusal = { reason: 'not_found' | 'not_active'; message: string };

export function createMergesService(opts: { rules: IdentityRules; thresholds: StageThresholds }) {
  const { rules, thresholds } = opts;

  const rank = (c: Clusters, root: string) => {
    let best = rules.priority.length;
    for (const [type, values] of c.identifiersOf(root))
      if (values.size) best = Math.min(best, priorityOf(rules, type));
    return best;
  };

  /** Merges the clusters of two profiles; force skips the protection rules (a person decided). */
  async function merge(
    ctx: Ctx,
    a: string,
    b: string,
    o: { reason: string; force?: boolean; evidence?: Record<string, unknown> },
  ): Promise<Result<MergeRecord, MergeRefusal>> {
    return inTransaction(ctx, async (tx) => {
      await lockIdentity(tx.db);
      const c = await loadClusterSet(tx.db, [a, b], limitedTypesOf(rules));
      for (const id of [a, b]) {
        const p = c.profiles.get(id);
        if (!p || p.status === 'erased')
          return fail({ reason: 'not_found' as const, message: `customer ${id} was not found` });
      }
      const ra = c.rootOf(a);
      const rb = c.rootOf(b);
      if (ra === rb)
        return fail({ reason: 'same_profile' as const, message: `${a} and ${b} are already one customer` });
      const ma = c.membersOf(ra).map((p) => p.id);
      const mb = c.membersOf(rb).map((p) => p.id);
      if (!o.force) {
        if (await anyBlockedPair(tx.db, ma, mb)) {
          return fail({
            reason: 'merge_refused' as const,
            rule: 'blocked_pair',
            message: 'these customers were separated before',
          });
        }
        const ia = c.identifiersOf(ra);
        const ib = c.identifiersOf(rb);
        for (const [type, max] of Object.entries(rules.maxPerType)) {
          const union = new Set([...(ia.get(type) ?? []), ...(ib.get(type) ?? [])]);
          if (union.size > max) {
            return fail({
              reason: 'merge_refused' as const,
              rule: 'max_per_type',
              message: `the merged customer would have ${union.size} ${type} identifiers (at most ${max})`,
            });
          }
        }
      }
      const [winner, loser] =
        rank(c, ra) !== rank(c, rb)
          ? rank(c, ra) < rank(c, rb)
            ? [ra, rb]
            : [rb, ra]
          : c.profiles.get(rb)!.createdAt < c.profiles.get(ra)!.createdAt
            ? [rb, ra]
            : [ra, rb];
      const now = tx.clock.now();
      const moved = c.membersOf(loser);
      for (const p of moved) {
        p.mergedInto = winner;
        p.updatedAt = now.toISOString();
      }
      const stageChanges = restage(c, [winner], thresholds, now);
      await updateProfiles(tx.db, [...moved, c.profiles.get(winner)!]);
      const record = {
        id: newId('mrg'),
        winnerId: winner,
        loserId: loser,
        movedProfileIds: moved.map((p) => p.id),
        linkedProfileIds: [a, b],
        reason: o.reason,
        evidence: o.evidence ?? {},
        actor: tx.actor.id,
        createdAt: now.toISOString(),
      };
      await insertMerges(tx.db, [record]);
      await insertIdentityLog(tx.db, [
        {
          id: newId('ilg'),
          profileId: winner,
          kind: 'merged',
          reason: o.reason,
          details: {
            mergeId: record.id,
            loserId: loser,
            forced: Boolean(o.force),
            evidence: record.evidence,
          },
          actor: tx.actor.id,
          at: record.createdAt,
        },
      ]);
      await appendEvents(tx, [
        {
          type: CUSTOMER_EVENTS.merged,
          subject: winner,
          payload: {
            mergeId: record.id,
            winnerId: winner,
            loserId: loser,
            movedProfileIds: record.movedProfileIds,
          },
        },
        ...stageEvents(stageChanges),
      ]);
      return ok({ ...record, status: 'active' as const, createdAt: now, undoneAt: null });
    });
  }

  async function unmerge(ctx: Ctx, mergeId: string): Promise<Result<MergeRecord, UnmergeRefusal>> {
    return inTransaction(ctx, async (tx) => {
      await lockIdentity(tx.db);
      const m = await selectMergeForUpdate(tx.db, mergeId);
      if (!m) return fail({ reason: 'not_found' as const, message: `merge ${mergeId} was not found` });
      if (m.status !== 'active')
        return fail({ reason: 'not_active' as const, message: `merge ${mergeId} was already undone` });
      const c = await loadClusterSet(tx.db, [m.winnerId, m.loserId], limitedTypesOf(rules));
      const root = c.rootOf(m.winnerId);
      const now = tx.clock.now();
      const members = c.membersOf(root);
      // The cluster splits along the merges still in force: what joined while merged goes with the
      // profile its identifiers linked to, not with whichever root it was merged into.
      const edges = await selectActiveMergeEdges(
        tx.db,
        members.map((p) => p.id),
      );
      const pointers = splitCluster(
        members,
        root,
        edges.filter((e) => e.id !== mergeId),
        [m.loserId, m.winnerId],
      );
      const changed: ProfileState[] = [];
      for (const p of members) {
        const to = pointers.get(p.id) ?? null;
        if (p.mergedInto === to) continue;
        p.mergedInto = to;
        p.updatedAt = now.toISOString();
        changed.push(p);
      }
      const roots = [...new Set(members.map((p) => c.rootOf(p.id)))];
      const stageChanges = restage(c, roots, thresholds, now);
      await updateProfiles(tx.db, [
        ...new Set([...changed, ...stageChanges.map((s) => c.profiles.get(s.profileId)!)]),
      ]);
      await markMergeUndone(tx.db, mergeId, now);
      await insertMergeBlock(tx.db, m.winnerId, m.loserId, `unmerge of ${mergeId}`, now);
      const reason = `merge ${mergeId} undone by ${tx.actor.name}`;
      await insertIdentityLog(
        tx.db,
        [m.winnerId, m.loserId].map((profileId) => ({
          id: newId('ilg'),
          profileId,
          kind: 'unmerged',
          reason,
          details: {
            mergeId,
            winnerId: m.winnerId,
            loserId: m.loserId,
            restoredProfileIds: changed.map((p) => p.id),
          },
          actor: tx.actor.id,
          at: now.toISOString(),
        })),
      );
      await appendEvents(tx, [
        {
          type: CUSTOMER_EVENTS.unmerged,
          subject: m.loserId,
          payload: {
            mergeId,
            winnerId: root,
            loserId: m.loserId,
            restoredProfileIds: changed.map((p) => p.id),
          },
        },
        ...stageEvents(stageChanges),
      ]);
      return ok({ ...m, status: 'undone' as const, undoneAt: now });
    });
  }

  async function decideReview(
    ctx: Ctx,
    reviewId: string,
    decision: 'approve' | 'reject',
  ): Promise<
    Result<MergeReview, { reason: 'not_found' | 'already_decided' | 'merge_failed'; message: string }>
  > {
    return inTransaction(ctx, async (tx) => {
      const review = await selectReviewForUpdate(tx.db, reviewId);
      if (!review) return fail({ reason: 'not_found' as const, message: `review ${reviewId} was not found` });
      if (review.status !== 'open')
        return fail({
          reason: 'already_decided' as const,
          message: `review ${reviewId} is ${review.status}`,
        });
      const [a, b] = review.profileIds as [string, string];
      const now = tx.clock.now();
      let mergeId: string | null = null;
      if (decision === 'approve') {
        const merged = await merge(tx, a, b, {
          reason: `review ${reviewId} approved by ${tx.actor.name}: ${review.reason}`,
          force: true,
          evidence: { reviewId, ...review.evidence },
        });
        if (!merged.ok && merged.reason !== 'same_profile')
          return fail({ reason: 'merge_failed' as const, message: merged.message });
        mergeId = merged.ok ? merged.value.id : null;
      } else {
        await insertMergeBlock(tx.db, a, b, `review ${reviewId} rejected`, now);
      }
      const status = decision === 'approve' ? 'approved' : 'rejected';
      const updated = await decideReviewRow(tx.db, reviewId, {
        status,
        mergeId,
        decidedBy: tx.actor.id,
        at: now,
      });
      await appendEvents(tx, [
        {
          type: CUSTOMER_EVENTS.mergeReviewDecided,
          subject: a,
          payload: { reviewId, decision: status, profileIds: review.profileIds, mergeId },
        },
      ]);
      return ok(updated!);
    });
  }

  return {
    merge,
    unmerge,
    approveReview: (ctx: Ctx, id: string) => decideReview(ctx, id, 'approve'),
    rejectReview: (ctx: Ctx, id: string) => decideReview(ctx, id, 'reject'),
    listReviews: (ctx: Ctx, status: MergeReview['status'] = 'open', limit = 100): Promise<MergeReview[]> =>
      selectReviews(ctx.db, status, limit),
    listMerges: (ctx: Ctx, profileIds: string[]): Promise<MergeRecord[]> =>
      selectMergesOf(ctx.db, profileIds),
  };
}

export const stageEvents = (changes: Array<{ profileId: string; from: string; to: string }>): NewEvent[] =>
  changes.map((s) => ({ type: CUSTOMER_EVENTS.stageChanged, subject: s.profileId, payload: s }));
