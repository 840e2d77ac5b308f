// Identity resolution for a batch, decided in memory: which profile each event lands on, which
// identifiers are new, which profiles merge (and why), and which links break a protection rule and
// go to the review queue instead. The caller loads the state, runs this, and writes the plan with
// set-based statements. Deterministic given its inputs and id generator.
import { type Identifier, type IdentityRules, identifierKey, priorityOf, type Trust } from './identifiers.js';
import { emptyProfile, type ProfileState } from './profile-state.js';

export interface KnownIdentifier {
  profileId: string;
  trust: Trust;
}

export interface ResolutionState {
  /** Identifiers of the batch that exist, by identifierKey. */
  known: Map<string, KnownIdentifier>;
  /** Every profile of every cluster the batch touches (roots and the profiles merged into them). */
  profiles: Map<string, ProfileState>;
  /** Limited-type identifiers (user_id, email…) of those clusters: root → type → values. */
  limited: Map<string, Map<string, Set<string>>>;
  /** Pairs of profile ids that must stay apart, as pairKey(a, b). */
  blocks: Set<string>;
  sharedDevices: Set<string>;
}

export interface ResolvableEvent {
  ref: number;
  messageId: string;
  kind: string;
  name: string | null;
  channelId: string;
  sourceId: string;
  sharedDevices: boolean;
  identifiers: Identifier[];
  previousId?: string | undefined;
}

export interface NewIdentifier extends Identifier {
  id: string;
  profileId: string;
  channelId: string;
}

export interface PlannedMerge {
  id: string;
  winnerId: string;
  loserId: string;
  movedProfileIds: string[];
  reason: string;
  evidence: Record<string, unknown>;
}

export interface PlannedReview {
  profileIds: [string, string];
  pairKey: string;
  rule: string;
  reason: string;
  evidence: Record<string, unknown>;
}

export interface ResolutionPlan {
  /** ref → the profile the event lands on (its own profile, not the root: unmerge stays exact). */
  landing: Map<number, string>;
  newProfiles: ProfileState[];
  newIdentifiers: NewIdentifier[];
  trustUpgrades: Identifier[];
  merges: PlannedMerge[];
  reviews: PlannedReview[];
  /** Existing profiles whose merged_into changed. */
  repointed: Set<string>;
  /** True when a merge was considered; the caller must have loaded blocks for the answer to hold. */
  consideredMerge: boolean;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function resolveIdentities(
  events: ResolvableEvent[],
  state: ResolutionState,
  rules: IdentityRules,
  now: string,
  newId: (prefix: string) => string,
): ResolutionPlan {
  const owner = new Map<string, string>();
  for (const [k, v] of state.known) owner.set(k, v.profileId);
  const profiles = state.profiles;
  const limited = state.limited;
  const redirect = new Map<string, string>(); // root merged in this batch → its new root
  const plan: ResolutionPlan = {
    landing: new Map(),
    newProfiles: [],
    newIdentifiers: [],
    trustUpgrades: [],
    merges: [],
    reviews: [],
    repointed: new Set(),
    consideredMerge: false,
  };
  const reviewed = new Set<string>();
  const upgraded = new Set<string>();

  const rootOf = (profileId: string): string => {
    const p = profiles.get(profileId);
    let r = p?.mergedInto ?? profileId;
    while (redirect.has(r)) r = redirect.get(r)!;
    return r;
  };
  // root → its member profile ids, kept current as profiles are created and merged
  const members = new Map<string, string[]>();
  for (const p of profiles.values()) {
    const r = rootOf(p.id);
    const list = members.get(r);
    if (list) list.push(p.id);
    else members.set(r, [p.id]);
  }
  const membersOf = (root: string): string[] => members.get(root) ?? [root];
  const limitsOf = (root: string): Map<string, Set<string>> => {
    let m = limited.get(root);
    if (!m) {
      m = new Map();
      limited.set(root, m);
    }
    return m;
  };
  const createProfile = (channelId: string): string => {
    const p = emptyProfile(newId('cus'), channelId, now);
    profiles.set(p.id, p);
    members.set(p.id, [p.id]);
    plan.newProfiles.push(p);
    return p.id;
  };
  const fitsLimit = (root: string, id: Identifier): boolean => {
    const max = rules.maxPerType[id.type];
    if (max === undefined) return true;
    const values = limitsOf(root).get(id.type);
    if (!values || values.has(id.value)) return true;
    return values.size + 1 <= max;
  };
  const attach = (root: string, id: Identifier, ev: ResolvableEvent) => {
    owner.set(identifierKey(id.type, id.value), root);
    plan.newIdentifiers.push({ ...id, id: newId('idn'), profileId: root, channelId: ev.channelId });
    if (rules.maxPerType[id.type] !== undefined) {
      const m = limitsOf(root);
      let s = m.get(id.type);
      if (!s) {
        s = new Set();
        m.set(id.type, s);
      }
      s.add(id.value);
    }
  };
  const mergeVerdict = (a: string, b: string): { rule: string; reason: string } | null => {
    const ma = membersOf(a);
    const mb = membersOf(b);
    for (const x of ma)
      for (const y of mb)
        if (state.blocks.has(pairKey(x, y))) {
          return {
            rule: 'blocked_pair',
            reason: `profiles ${x} and ${y} were separated before and must stay apart`,
          };
        }
    const la = limitsOf(a);
    const lb = limitsOf(b);
    for (const [type, max] of Object.entries(rules.maxPerType)) {
      const union = new Set([...(la.get(type) ?? []), ...(lb.get(type) ?? [])]);
      if (union.size > max) {
        return {
          rule: 'max_per_type',
          reason: `the merged profile would have ${union.size} ${type} identifiers (at most ${max})`,
        };
      }
    }
    return null;
  };
  const rank = (root: string): number => {
    const l = limitsOf(root);
    let best = rules.priority.length;
    for (const [type, values] of l) if (values.size) best = Math.min(best, priorityOf(rules, type));
    return best;
  };
  const review = (a: string, b: string, rule: string, reason: string, evidence: Record<string, unknown>) => {
    const key = pairKey(a, b);
    if (reviewed.has(key)) return;
    reviewed.add(key);
    plan.reviews.push({ profileIds: [a, b], pairKey: key, rule, reason, evidence });
  };

  for (const ev of events) {
    const ids = [...ev.identifiers];
    if (ev.previousId) {
      const asUser = owner.has(identifierKey('user_id', ev.previousId));
      ids.push({ type: asUser ? 'user_id' : 'anonymous_id', value: ev.previousId, trust: 'claimed' });
    }
    const isShared = (i: Identifier) =>
      i.type === 'anonymous_id' && (ev.sharedDevices || state.sharedDevices.has(i.value));
    let linkable = ids.filter((i) => !isShared(i));
    if (linkable.length === 0) linkable = ids.slice(0, 1); // a shared device alone: its own device profile
    linkable.sort((x, y) => priorityOf(rules, x.type) - priorityOf(rules, y.type));
    const evidence = (extra: Record<string, unknown> = {}) => ({
      messageId: ev.messageId,
      sourceId: ev.sourceId,
      channelId: ev.channelId,
      event: ev.name ?? ev.kind,
      ...extra,
    });

    const knownIds = linkable.filter((i) => owner.has(identifierKey(i.type, i.value)));
    for (const i of knownIds) {
      const k = identifierKey(i.type, i.value);
      if (i.trust === 'verified' && state.known.get(k)?.trust === 'claimed' && !upgraded.has(k)) {
        upgraded.add(k);
        plan.trustUpgrades.push(i);
      }
    }
    let target: string;
    if (knownIds.length === 0) {
      target = createProfile(ev.channelId);
    } else {
      const first = knownIds[0]!;
      target = rootOf(owner.get(identifierKey(first.type, first.value))!);
      for (const i of knownIds.slice(1)) {
        const other = rootOf(owner.get(identifierKey(i.type, i.value))!);
        if (other === target) continue;
        plan.consideredMerge = true;
        const link = [
          { type: first.type, value: first.value, profileId: target },
          { type: i.type, value: i.value, profileId: other },
        ];
        const refused = mergeVerdict(target, other);
        if (refused) {
          review(target, other, refused.rule, refused.reason, evidence({ linked: link }));
          continue;
        }
        const [winner, loser] = chooseWinner(target, other);
        const moved = membersOf(loser);
        for (const m of moved) {
          const p = profiles.get(m)!;
          p.mergedInto = winner;
          plan.repointed.add(m);
        }
        redirect.set(loser, winner);
        members.set(winner, [...membersOf(winner), ...moved]);
        members.delete(loser);
        const wl = limitsOf(winner);
        for (const [type, values] of limitsOf(loser)) {
          const s = wl.get(type) ?? new Set<string>();
          for (const v of values) s.add(v);
          wl.set(type, s);
        }
        plan.merges.push({
          id: newId('mrg'),
          winnerId: winner,
          loserId: loser,
          movedProfileIds: moved,
          reason: `${ev.kind} event ${ev.messageId} on channel ${ev.channelId} carried ${first.type}:${first.value} and ${i.type}:${i.value}, which belonged to different profiles`,
          evidence: evidence({ linked: link }),
        });
        target = winner;
      }
    }
    let conflictProfile: string | undefined;
    for (const i of linkable) {
      if (owner.has(identifierKey(i.type, i.value))) continue;
      if (fitsLimit(target, i)) {
        attach(target, i, ev);
        continue;
      }
      // Attaching would break a per-type limit: the identifier gets its own profile and a person decides.
      conflictProfile ??= createProfile(ev.channelId);
      attach(conflictProfile, i, ev);
      review(
        target,
        conflictProfile,
        'max_per_type',
        `adding ${i.type}:${i.value} would exceed ${rules.maxPerType[i.type]} ${i.type} per profile`,
        evidence({ identifier: { type: i.type, value: i.value } }),
      );
    }
    const top = linkable[0]!;
    plan.landing.set(ev.ref, owner.get(identifierKey(top.type, top.value))!);
  }

  function chooseWinner(a: string, b: string): [string, string] {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb ? [a, b] : [b, a];
    const ca = profiles.get(a)?.createdAt ?? now;
    const cb = profiles.get(b)?.createdAt ?? now;
    return cb < ca ? [b, a] : [a, b];
  }

  // New profiles that merged in this batch are inserted already pointing at their root.
  for (const p of plan.newProfiles) plan.repointed.delete(p.id);
  return plan;
}
