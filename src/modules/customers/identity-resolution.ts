// Identity resolution for a batch, decided in memory: which profile each event lands on, which
// identifiers are new, which profiles merge (and why), and which links break a protection rule and
// go to the review queue instead. The caller loads the state, runs this, and writes the plan with
// set-based statements. Deterministic given its inputs and id generator.
import { type Identifier, type IdentityRules, identifierKey, priorityOf, type Trust } from './identifiers.js';
import {
  conflictingIdentifiers,
  firstLimitBroken,
  secondPersonOnDevice,
  trustRefusal,
} from './link-guards.js';
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
  /** Trust of the limited-type identifiers of those clusters, by identifierKey (absent: claimed). */
  limitedTrust: Map<string, Trust>;
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
  /** The profiles that held the two linked identifiers (what an unmerge separates). */
  linkedProfileIds: [string, string];
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

/** A device found carrying a second person: listed as shared from now on. */
export interface PlannedSharedDevice {
  value: string;
  profileId: string;
  /** Kept on the shared device row: names no person (erasure does not reach that table). */
  note: string;
  reason: string;
  evidence: Record<string, unknown>;
}

/** An identity log entry of an ordinary link or a trust change (merges and refusals have their own). */
export interface PlannedLogEntry {
  profileId: string;
  kind: 'linked' | 'trust_changed';
  reason: string;
  details: Record<string, unknown>;
}

export interface ResolutionPlan {
  /** ref → the profile the event lands on (its own profile, not the root: unmerge stays exact). */
  landing: Map<number, string>;
  newProfiles: ProfileState[];
  newIdentifiers: NewIdentifier[];
  trustUpgrades: Identifier[];
  merges: PlannedMerge[];
  reviews: PlannedReview[];
  sharedDevices: PlannedSharedDevice[];
  log: PlannedLogEntry[];
  /** Existing profiles whose merged_into changed. */
  repointed: Set<string>;
  /** True when a merge was considered; the caller must have loaded blocks for the answer to hold. */
  consideredMerge: boolean;
  /** identifierKey → the profile holding it after the batch (traits naming an identifier go there). */
  owners: Map<string, string>;
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
    sharedDevices: [],
    log: [],
    repointed: new Set(),
    consideredMerge: false,
    owners: owner,
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
  const trustOf = (type: string, value: string): Trust =>
    state.limitedTrust.get(identifierKey(type, value)) ?? 'claimed';
  /** A new identifier stays on `home` (the profile it came with); limits count on its cluster's root. */
  const attach = (home: string, root: string, id: Identifier, ev: ResolvableEvent) => {
    owner.set(identifierKey(id.type, id.value), home);
    plan.newIdentifiers.push({ ...id, id: newId('idn'), profileId: home, channelId: ev.channelId });
    if (rules.maxPerType[id.type] !== undefined) {
      state.limitedTrust.set(identifierKey(id.type, id.value), id.trust);
      const m = limitsOf(root);
      let s = m.get(id.type);
      if (!s) {
        s = new Set();
        m.set(id.type, s);
      }
      s.add(id.value);
    }
  };
  const mergeVerdict = (
    a: string,
    b: string,
    link: Identifier[],
  ): { rule: string; reason: string; conflicting?: unknown } | null => {
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
    const conflicting = conflictingIdentifiers({ root: a, held: la }, { root: b, held: lb }, trustOf);
    const weak = trustRefusal(link, conflicting);
    if (weak) {
      return {
        rule: 'trust_below_conflict',
        reason: `a ${weak.linkTrust} link cannot join profiles holding ${weak.conflictTrust} identifiers of the same type`,
        conflicting,
      };
    }
    for (const [type, max] of Object.entries(rules.maxPerType)) {
      const union = new Set([...(la.get(type) ?? []), ...(lb.get(type) ?? [])]);
      // Only a merge that adds identifiers of the type is refused: a cluster already past the limit (a
      // person forced a merge) may still take in profiles that bring none, such as an anonymous device.
      const grows = union.size > Math.max(la.get(type)?.size ?? 0, lb.get(type)?.size ?? 0);
      if (union.size > max && grows) {
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
      rules.deviceTypes.includes(i.type) && (ev.sharedDevices || state.sharedDevices.has(i.value));
    const evidence = (extra: Record<string, unknown> = {}) => ({
      messageId: ev.messageId,
      sourceId: ev.sourceId,
      channelId: ev.channelId,
      event: ev.name ?? ev.kind,
      ...extra,
    });
    const people = ids.filter(
      (i) => rules.maxPerType[i.type] !== undefined && !rules.deviceTypes.includes(i.type),
    );
    for (const d of ids) {
      if (!rules.deviceTypes.includes(d.type) || isShared(d) || !people.length) continue;
      const holder = owner.get(identifierKey(d.type, d.value));
      if (holder === undefined) continue;
      const root = rootOf(holder);
      const second = secondPersonOnDevice(limitsOf(root), people);
      if (!second) continue;
      // Two people on one device: it links no one from now on, and the log says why.
      state.sharedDevices.add(d.value);
      plan.sharedDevices.push({
        value: d.value,
        profileId: root,
        note: `marked shared automatically: event ${ev.messageId} carried a second ${second.type}`,
        reason: `device ${d.value} carried ${second.type}:${second.carried} while its profile holds ${second.type}:${second.held.join(', ')}; marked shared`,
        evidence: evidence({ rule: 'two_people_on_device', device: d.value, ...second }),
      });
    }
    let linkable = ids.filter((i) => !isShared(i));
    if (linkable.length === 0) linkable = ids.slice(0, 1); // a shared device alone: its own device profile
    linkable.sort((x, y) => priorityOf(rules, x.type) - priorityOf(rules, y.type));

    const knownIds = linkable.filter((i) => owner.has(identifierKey(i.type, i.value)));
    for (const i of knownIds) {
      const k = identifierKey(i.type, i.value);
      if (i.trust === 'verified' && state.known.get(k)?.trust === 'claimed' && !upgraded.has(k)) {
        upgraded.add(k);
        plan.trustUpgrades.push(i);
        plan.log.push({
          profileId: owner.get(k)!,
          kind: 'trust_changed',
          reason: `${ev.name ?? ev.kind} event ${ev.messageId} on channel ${ev.channelId} carried ${i.type}:${i.value} as verified`,
          details: evidence({
            rule: 'verified_by_source',
            type: i.type,
            value: i.value,
            from: 'claimed',
            to: 'verified',
          }),
        });
        if (state.limitedTrust.has(k)) state.limitedTrust.set(k, 'verified');
      }
    }
    let target: string;
    // The profile the event's strongest known identifier names: what it brings stays there, not on
    // the cluster's root, so an unmerge hands it back to the right person.
    let home: string;
    if (knownIds.length === 0) {
      target = createProfile(ev.channelId);
      home = target;
    } else {
      const first = knownIds[0]!;
      home = owner.get(identifierKey(first.type, first.value))!;
      target = rootOf(home);
      for (const i of knownIds.slice(1)) {
        const other = rootOf(owner.get(identifierKey(i.type, i.value))!);
        if (other === target) continue;
        plan.consideredMerge = true;
        const otherHome = owner.get(identifierKey(i.type, i.value))!;
        const link = [
          { type: first.type, value: first.value, profileId: target },
          { type: i.type, value: i.value, profileId: other },
        ];
        const refused = mergeVerdict(target, other, [first, i]);
        if (refused) {
          const shown = refused.conflicting ? { conflicting: refused.conflicting } : {};
          review(target, other, refused.rule, refused.reason, evidence({ linked: link, ...shown }));
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
          linkedProfileIds: [home, otherHome],
          reason: `${ev.kind} event ${ev.messageId} on channel ${ev.channelId} carried ${first.type}:${first.value} and ${i.type}:${i.value}, which belonged to different profiles`,
          evidence: evidence({ linked: link }),
        });
        target = winner;
      }
    }
    const fresh = linkable.filter((i) => !owner.has(identifierKey(i.type, i.value)));
    const broken = firstLimitBroken(rules, limitsOf(target), fresh);
    if (broken) {
      // Checked for all of them before any is attached: the event's new identifiers get their own
      // profile together (nothing of the refused link lands on the target), and a person decides.
      const own = createProfile(ev.channelId);
      for (const i of fresh) attach(own, own, i, ev);
      logLink(own, 'split_by_limit', fresh, ev, evidence);
      review(
        target,
        own,
        'max_per_type',
        `adding ${fresh.map((i) => `${i.type}:${i.value}`).join(', ')} would exceed ${broken.max} ${broken.type} per profile`,
        evidence({ identifiers: fresh.map((i) => ({ type: i.type, value: i.value })) }),
      );
    } else if (fresh.length) {
      for (const i of fresh) attach(home, target, i, ev);
      logLink(home, knownIds.length ? 'carried_with_known' : 'first_seen', fresh, ev, evidence);
    }
    const top = linkable[0]!;
    plan.landing.set(ev.ref, owner.get(identifierKey(top.type, top.value))!);
  }

  function logLink(
    profileId: string,
    rule: string,
    ids: Identifier[],
    ev: ResolvableEvent,
    evidence: (extra: Record<string, unknown>) => Record<string, unknown>,
  ) {
    const list = ids.map((i) => ({ type: i.type, value: i.value }));
    plan.log.push({
      profileId,
      kind: 'linked',
      reason: `${ev.name ?? ev.kind} event ${ev.messageId} on channel ${ev.channelId} linked ${list.map((i) => `${i.type}:${i.value}`).join(', ')} (${rule})`,
      details: evidence({ rule, identifiers: list }),
    });
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
