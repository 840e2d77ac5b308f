// Guards that decide whether an event may link what it carries, before anything is written: a device
// that carries a second person, per-type limits for all of an event's new identifiers at once, and
// trust (a weak identifier cannot join profiles that hold stronger, conflicting ones). Pure functions.
import type { Identifier, IdentityRules, Trust } from './identifiers.js';

/** Limited-type identifiers of one cluster: type → values. */
export type HeldIdentifiers = Map<string, Set<string>>;

export interface SecondPerson {
  type: string;
  held: string[];
  carried: string;
}

/**
 * A device's cluster holds a person (limited-type identifiers such as user_id or email); the event
 * carries person identifiers none of which that cluster holds, and one of the same type with another
 * value: someone else is on the device. Null when the event names the cluster's person, or no one.
 */
export function secondPersonOnDevice(held: HeldIdentifiers, carried: Identifier[]): SecondPerson | null {
  if (carried.some((i) => held.get(i.type)?.has(i.value))) return null;
  for (const i of carried) {
    const values = held.get(i.type);
    if (values?.size) return { type: i.type, held: [...values], carried: i.value };
  }
  return null;
}

/** The first limited type that the new identifiers would take past its maximum, all counted together. */
export function firstLimitBroken(
  rules: IdentityRules,
  held: HeldIdentifiers,
  fresh: Identifier[],
): { type: string; max: number } | null {
  const added = new Map<string, Set<string>>();
  for (const i of fresh) {
    const max = rules.maxPerType[i.type];
    if (max === undefined || held.get(i.type)?.has(i.value)) continue;
    const s = added.get(i.type) ?? new Set<string>();
    s.add(i.value);
    added.set(i.type, s);
    if ((held.get(i.type)?.size ?? 0) + s.size > max) return { type: i.type, max };
  }
  return null;
}

export const trustRank = (t: Trust): number => (t === 'verified' ? 1 : 0);

export interface ConflictingIdentifier {
  type: string;
  value: string;
  trust: Trust;
  profileId: string;
}

/** Identifiers of a type both clusters hold (with different values, as one value has one owner). */
export function conflictingIdentifiers(
  a: { root: string; held: HeldIdentifiers },
  b: { root: string; held: HeldIdentifiers },
  trustOf: (type: string, value: string) => Trust,
): ConflictingIdentifier[] {
  const out: ConflictingIdentifier[] = [];
  for (const [type, va] of a.held) {
    const vb = b.held.get(type);
    if (!va.size || !vb?.size) continue;
    for (const value of va) out.push({ type, value, trust: trustOf(type, value), profileId: a.root });
    for (const value of vb) out.push({ type, value, trust: trustOf(type, value), profileId: b.root });
  }
  return out;
}

/** A link as strong as its weakest identifier; refused when a conflicting identifier is stronger. */
export function trustRefusal(
  link: Identifier[],
  conflicts: ConflictingIdentifier[],
): { linkTrust: Trust; conflictTrust: Trust } | null {
  if (!conflicts.length) return null;
  const linkTrust = link.some((i) => i.trust === 'claimed') ? 'claimed' : 'verified';
  const conflictTrust = conflicts.some((c) => c.trust === 'verified') ? 'verified' : 'claimed';
  return trustRank(linkTrust) < trustRank(conflictTrust) ? { linkTrust, conflictTrust } : null;
}
