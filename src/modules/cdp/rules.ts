// Pure decisions of the CDP: does a profile match an audience rule, what a computed trait's value
// is, and which events and properties the definitions need kept. No I/O: the flow gathers the facts.
import type { AudienceLeaf, AudienceRule, ComputedTraitDefinition } from './cdp.types.js';

export interface CountedEvent {
  name: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

/** What a rule may look at for one customer (its whole cluster). */
export interface ProfileFacts {
  now: Date;
  /** The values of the profile's traits (newest wins), computed traits included. */
  traits: Record<string, unknown>;
  tags: ReadonlySet<string>;
  stage: string | null;
  /** The customers module's mayContact answer. */
  mayContact(purpose: string, channel: string): boolean;
  /** The cluster's counted events (only the names rules refer to). */
  events: readonly CountedEvent[];
}

const DAY_MS = 86_400_000;

const leaves = (rule: AudienceRule): AudienceLeaf[] => {
  if ('type' in rule) return [rule];
  if ('all' in rule) return rule.all.flatMap((r) => leaves(r as AudienceRule));
  if ('any' in rule) return rule.any.flatMap((r) => leaves(r as AudienceRule));
  return leaves(rule.not as AudienceRule);
};

/** The event names a rule counts. */
export const eventNamesOfRule = (rule: AudienceRule): string[] =>
  leaves(rule).flatMap((l) => (l.type === 'event' ? [l.name] : []));

/** Whether the rule needs the profile itself (traits, tags, stage, consent), not only events. */
export const ruleNeedsProfile = (rule: AudienceRule): boolean => leaves(rule).some((l) => l.type !== 'event');

/** The properties a rule's event conditions compare, per event name. */
export function propertiesOfRule(rule: AudienceRule, into: Map<string, Set<string>>): void {
  for (const l of leaves(rule)) {
    if (l.type !== 'event') continue;
    const set = into.get(l.name) ?? new Set<string>();
    for (const k of Object.keys(l.where ?? {})) set.add(k);
    into.set(l.name, set);
  }
}

/** The longest window any condition looks back, in days. */
export const windowOfRule = (rule: AudienceRule): number =>
  Math.max(0, ...leaves(rule).map((l) => (l.type === 'event' ? l.withinDays : 0)));

function compare(actual: unknown, op: string, expected: unknown): boolean {
  switch (op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'not_exists':
      return actual === undefined || actual === null;
    case 'eq':
      return actual === expected;
    case 'neq':
      return actual !== expected;
    case 'contains':
      if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
      return Array.isArray(actual) && actual.includes(expected);
    default: {
      const a = typeof actual === 'string' && typeof expected === 'number' ? Number(actual) : actual;
      if (typeof a !== typeof expected || (typeof a !== 'number' && typeof a !== 'string')) return false;
      const [x, y] = [a as number | string, expected as number | string];
      if (op === 'gt') return x > y;
      if (op === 'gte') return x >= y;
      if (op === 'lt') return x < y;
      return x <= y;
    }
  }
}

function countOf(leaf: Extract<AudienceLeaf, { type: 'event' }>, facts: ProfileFacts): number {
  const since = facts.now.getTime() - leaf.withinDays * DAY_MS;
  const where = Object.entries(leaf.where ?? {});
  let n = 0;
  for (const e of facts.events) {
    if (e.name !== leaf.name || e.occurredAt.getTime() < since) continue;
    if (where.every(([k, v]) => e.properties[k] === v)) n++;
  }
  return n;
}

function leafMatches(leaf: AudienceLeaf, facts: ProfileFacts): boolean {
  switch (leaf.type) {
    case 'trait':
      return compare(facts.traits[leaf.key], leaf.op, leaf.value);
    case 'event': {
      const n = countOf(leaf, facts);
      return leaf.op === 'gte' ? n >= leaf.count : leaf.op === 'lte' ? n <= leaf.count : n === leaf.count;
    }
    case 'stage':
      return facts.stage !== null && leaf.in.includes(facts.stage);
    case 'tag':
      return facts.tags.has(leaf.tag.trim().toLowerCase()) === leaf.present;
    case 'consent':
      return facts.mayContact(leaf.purpose, leaf.channel);
  }
}

/** Whether the customer these facts describe is in the audience. */
export function matchesRule(rule: AudienceRule, facts: ProfileFacts): boolean {
  if ('type' in rule) return leafMatches(rule, facts);
  if ('all' in rule) return rule.all.every((r) => matchesRule(r as AudienceRule, facts));
  if ('any' in rule) return rule.any.some((r) => matchesRule(r as AudienceRule, facts));
  return !matchesRule(rule.not as AudienceRule, facts);
}

/** A computed trait's value over the cluster's events in its window (null: nothing to compute from). */
export function computeTraitValue(
  def: ComputedTraitDefinition,
  events: readonly CountedEvent[],
  now: Date,
): unknown {
  const since = now.getTime() - def.windowDays * DAY_MS;
  const inWindow = events
    .filter((e) => e.name === def.event && e.occurredAt.getTime() >= since)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  if (def.aggregate === 'count') return inWindow.length;
  const values = inWindow
    .map((e) => e.properties[def.property!])
    .filter((v) => v !== undefined && v !== null);
  if (values.length === 0) return def.aggregate === 'sum' ? 0 : null;
  switch (def.aggregate) {
    case 'first':
      return values[0];
    case 'last':
      return values[values.length - 1];
    case 'sum':
      return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : Number(v) || 0), 0);
    case 'min':
    case 'max': {
      const nums = values.map(Number).filter(Number.isFinite);
      if (nums.length === 0) return null;
      return def.aggregate === 'min' ? Math.min(...nums) : Math.max(...nums);
    }
    case 'most_frequent': {
      const counts = new Map<string, { value: unknown; n: number }>();
      for (const v of values) {
        const k = JSON.stringify(v);
        const c = counts.get(k) ?? { value: v, n: 0 };
        c.n++;
        counts.set(k, c);
      }
      // Ties go to the value that first appeared latest (deterministic for the same events).
      let best: { value: unknown; n: number } | undefined;
      for (const c of counts.values()) if (!best || c.n >= best.n) best = c;
      return best?.value ?? null;
    }
  }
}

const NO_FACTS: ProfileFacts = {
  now: new Date(0),
  traits: {},
  tags: new Set(),
  stage: null,
  mayContact: () => false,
  events: [],
};

/**
 * Which of these audiences one customer's evaluation can change, given the names of its counted
 * events and the audiences it is in. A rule over events only that does not match a customer with
 * no events is false for a customer with none of its events: unless that customer is a member, its
 * answer cannot change, so it is not evaluated (with 100 audiences a customer is matched against the
 * one or two its events name). Rules that read the profile are always evaluated. Defs order is kept.
 */
export function audienceSelector<A extends { id: string; rule: AudienceRule }>(audiences: readonly A[]) {
  const always: number[] = [];
  const byEvent = new Map<string, number[]>();
  const indexOf = new Map<string, number>();
  audiences.forEach((a, i) => {
    indexOf.set(a.id, i);
    if (ruleNeedsProfile(a.rule) || matchesRule(a.rule, NO_FACTS)) {
      always.push(i);
      return;
    }
    for (const name of new Set(eventNamesOfRule(a.rule))) {
      const list = byEvent.get(name) ?? [];
      list.push(i);
      byEvent.set(name, list);
    }
  });
  return (eventNames: Iterable<string>, memberOf: Iterable<string>): A[] => {
    const picked = new Set<number>(always);
    for (const n of eventNames) for (const i of byEvent.get(n) ?? []) picked.add(i);
    for (const id of memberOf) {
      const i = indexOf.get(id);
      if (i !== undefined) picked.add(i);
    }
    return [...picked].sort((x, y) => x - y).map((i) => audiences[i]!);
  };
}
