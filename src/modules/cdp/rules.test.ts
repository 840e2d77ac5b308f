// The audience rule language and computed traits, as pure functions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AudienceRule } from './cdp.types.js';
import {
  audienceSelector,
  computeTraitValue,
  eventNamesOfRule,
  matchesRule,
  type ProfileFacts,
  ruleNeedsProfile,
} from './rules.js';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const facts = (over: Partial<ProfileFacts> = {}): ProfileFacts => ({
  now,
  traits: { plan: 'gold', age: 40 },
  tags: new Set(['vip']),
  stage: 'repeat',
  mayContact: (purpose) => purpose === 'marketing',
  events: [
    { name: 'Order Completed', occurredAt: daysAgo(2), properties: { revenue: 30, sku: 'A' } },
    { name: 'Order Completed', occurredAt: daysAgo(10), properties: { revenue: 20, sku: 'B' } },
    { name: 'Order Completed', occurredAt: daysAgo(40), properties: { revenue: 99, sku: 'A' } },
  ],
  ...over,
});

describe('audience rules', () => {
  it('counts events in a window, with property filters', () => {
    const twice = AudienceRule.parse({ type: 'event', name: 'Order Completed', count: 2, withinDays: 30 });
    expect(matchesRule(twice, facts())).toBe(true);
    expect(matchesRule({ ...twice, withinDays: 5 } as AudienceRule, facts())).toBe(false);
    const skuA = AudienceRule.parse({
      type: 'event',
      name: 'Order Completed',
      count: 2,
      withinDays: 60,
      where: { sku: 'A' },
    });
    expect(matchesRule(skuA, facts())).toBe(true);
    expect(eventNamesOfRule(skuA)).toEqual(['Order Completed']);
    expect(ruleNeedsProfile(skuA)).toBe(false);
  });

  it('combines traits, tags, stage and consent with all / any / not', () => {
    const rule = AudienceRule.parse({
      all: [
        { type: 'trait', key: 'age', op: 'gte', value: 18 },
        {
          any: [
            { type: 'stage', in: ['loyal'] },
            { type: 'tag', tag: 'VIP' },
          ],
        },
        { not: { type: 'consent', purpose: 'sms' } },
        { type: 'consent', purpose: 'marketing' },
      ],
    });
    expect(matchesRule(rule, facts())).toBe(true);
    expect(matchesRule(rule, facts({ tags: new Set() }))).toBe(false);
    expect(ruleNeedsProfile(rule)).toBe(true);
  });

  it('refuses what is not the rule language', () => {
    expect(AudienceRule.safeParse({ type: 'script', code: '1' }).success).toBe(false);
    expect(AudienceRule.safeParse({ all: [] }).success).toBe(false);
    const deep = { not: { not: { not: { not: { type: 'tag', tag: 'x' } } } } };
    expect(AudienceRule.safeParse(deep).success).toBe(false);
  });
});

describe('computed traits', () => {
  const events = facts().events;
  const def = (aggregate: string, property?: string) =>
    ({ event: 'Order Completed', aggregate, property, windowDays: 30 }) as never;
  it('aggregates an event property over the window', () => {
    expect(computeTraitValue(def('count'), events, now)).toBe(2);
    expect(computeTraitValue(def('sum', 'revenue'), events, now)).toBe(50);
    expect(computeTraitValue(def('min', 'revenue'), events, now)).toBe(20);
    expect(computeTraitValue(def('max', 'revenue'), events, now)).toBe(30);
    expect(computeTraitValue(def('first', 'sku'), events, now)).toBe('B');
    expect(computeTraitValue(def('last', 'sku'), events, now)).toBe('A');
    expect(computeTraitValue(def('most_frequent', 'sku'), [...events, events[0]!], now)).toBe('A');
    expect(computeTraitValue(def('last', 'missing'), events, now)).toBeNull();
  });
});

describe('audience selector', () => {
  const names = ['A', 'B', 'C'];
  const eventLeaf = fc.record({
    type: fc.constant('event' as const),
    name: fc.constantFrom(...names),
    op: fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const),
    count: fc.integer({ min: 0, max: 3 }),
    withinDays: fc.integer({ min: 1, max: 60 }),
  });
  const leaf = fc.oneof(
    { weight: 4, arbitrary: eventLeaf },
    { weight: 1, arbitrary: fc.constant({ type: 'tag' as const, tag: 'vip', present: true }) },
  );
  const group = <T>(inner: fc.Arbitrary<T>) =>
    fc.oneof(
      fc.record({ all: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: inner }),
    );
  const rule = fc.oneof(leaf, group(fc.oneof(leaf, group(leaf)))) as fc.Arbitrary<AudienceRule>;
  const event = fc.record({
    name: fc.constantFrom(...names),
    occurredAt: fc.integer({ min: 0, max: 90 }).map(daysAgo),
    properties: fc.constant({}),
  });

  it('leaves out only audiences whose answer for the customer is "no" and which it is not in', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 6 }),
        fc.array(event, { maxLength: 6 }),
        fc.array(fc.nat(5)),
        (rules, events, memberIdx) => {
          const audiences = rules.map((r, i) => ({ id: `aud_${i}`, rule: r }));
          const memberOf = new Set(memberIdx.filter((i) => i < audiences.length).map((i) => `aud_${i}`));
          const f = facts({ events });
          const picked = audienceSelector(audiences)(new Set(events.map((e) => e.name)), memberOf);
          const order = picked.map((a) => Number(a.id.slice(4)));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          for (const a of audiences) {
            if (picked.includes(a)) continue;
            expect(memberOf.has(a.id)).toBe(false);
            expect(matchesRule(a.rule, f)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("picks the audiences named by the customer's events, and no other event audience", () => {
    const audiences = ['A', 'B', 'C'].map((n) => ({
      id: `aud_${n}`,
      rule: AudienceRule.parse({ type: 'event', name: n, count: 1, withinDays: 30 }),
    }));
    const select = audienceSelector(audiences);
    expect(select(new Set(['B']), new Set()).map((a) => a.id)).toEqual(['aud_B']);
    expect(select(new Set(['B']), new Set(['aud_C'])).map((a) => a.id)).toEqual(['aud_B', 'aud_C']);
    expect(select(new Set(), new Set()).map((a) => a.id)).toEqual([]);
  });
});
