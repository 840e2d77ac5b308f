// The audience rule language and computed traits, as pure functions.
import { describe, expect, it } from 'vitest';
import { AudienceRule } from './cdp.types.js';
import {
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
