// A loaded set of clusters (root profiles and the profiles merged into them) with their limited-type
// identifiers, for the use cases outside the ingest hot path (manual merges, unmerges, erasure).
import { notFound } from '../../kernel/index.js';
import type { Executor } from '../../platform/db/database.js';
import { loadClusters, loadIdentifiersOf } from './customers.repository.js';
import type { JourneyStage, StageThresholds } from './customers.types.js';
import { clusterFacts, journeyStage, type ProfileState } from './profile-state.js';

export interface Clusters {
  profiles: Map<string, ProfileState>;
  rootOf(id: string): string;
  membersOf(root: string): ProfileState[];
  /** root → type → values, for the types given when loading. */
  identifiersOf(root: string): Map<string, Set<string>>;
}

export async function loadClusterSet(
  exec: Executor,
  profileIds: string[],
  types: string[],
): Promise<Clusters> {
  const list = await loadClusters(exec, profileIds);
  const profiles = new Map(list.map((p) => [p.id, p]));
  const ids = types.length
    ? await loadIdentifiersOf(
        exec,
        list.map((p) => p.id),
        types,
      )
    : [];
  const rootOf = (id: string) => profiles.get(id)?.mergedInto ?? id;
  return {
    profiles,
    rootOf,
    membersOf: (root) => [...profiles.values()].filter((p) => rootOf(p.id) === root),
    identifiersOf(root) {
      const m = new Map<string, Set<string>>();
      for (const i of ids) {
        if (rootOf(i.profile_id) !== root) continue;
        const s = m.get(i.type) ?? new Set<string>();
        s.add(i.value);
        m.set(i.type, s);
      }
      return m;
    },
  };
}

/** A cluster holding an identifier of one of these types is identified (engaged at least). */
export const IDENTIFIED_TYPES = ['user_id', 'email'];

/** Recomputes the stage of the given roots; returns the changes (profiles are updated in memory). */
export function restage(
  c: Clusters,
  roots: string[],
  thresholds: StageThresholds,
  now: Date,
): Array<{ profileId: string; from: JourneyStage; to: JourneyStage }> {
  const changes: Array<{ profileId: string; from: JourneyStage; to: JourneyStage }> = [];
  for (const root of roots) {
    const r = c.profiles.get(root);
    if (!r || r.status === 'erased') continue;
    const ids = c.identifiersOf(root);
    const identified = IDENTIFIED_TYPES.some((t) => ids.get(t)?.size);
    const to = journeyStage(clusterFacts(c.membersOf(root), identified), thresholds, now);
    if (to !== r.stage) {
      changes.push({ profileId: root, from: r.stage, to });
      r.stage = to;
      r.stageChangedAt = now.toISOString();
      r.updatedAt = now.toISOString();
    }
  }
  return changes;
}

/**
 * The root of a customer's cluster (its one profile not merged into another), or a 404: a profile
 * that does not exist, or whose cluster was erased, is not found.
 */
export function liveRootOf(cluster: Iterable<ProfileState>, id: string): ProfileState {
  let root: ProfileState | undefined;
  for (const p of cluster) {
    if (p.mergedInto === null) {
      root = p;
      break;
    }
  }
  if (!root || root.status === 'erased') throw notFound('customer', id);
  return root;
}

/**
 * Where each profile of a cluster points once a merge is undone: the cluster falls apart into what
 * its remaining merges still connect (each merge an edge between the two profiles it linked). The
 * part holding the old root keeps it; another part is rooted at the first of `prefer` it holds (the
 * undone merge's loser, then winner), else at its oldest profile. Returns id → merged_into (null: a root).
 */
export function splitCluster(
  members: ProfileState[],
  root: string,
  edges: Array<{ linked: [string, string] }>,
  prefer: string[],
): Map<string, string | null> {
  const parent = new Map(members.map((p) => [p.id, p.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const { linked } of edges) {
    const [a, b] = linked;
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const parts = new Map<string, ProfileState[]>();
  for (const p of members) {
    const k = find(p.id);
    const list = parts.get(k);
    if (list) list.push(p);
    else parts.set(k, [p]);
  }
  const out = new Map<string, string | null>();
  for (const part of parts.values()) {
    const ids = new Set(part.map((p) => p.id));
    const oldest = [...part].sort((x, y) =>
      x.createdAt === y.createdAt ? (x.id < y.id ? -1 : 1) : x.createdAt < y.createdAt ? -1 : 1,
    )[0]!;
    const partRoot = ids.has(root) ? root : (prefer.find((id) => ids.has(id)) ?? oldest.id);
    for (const p of part) out.set(p.id, p.id === partRoot ? null : partRoot);
  }
  return out;
}
