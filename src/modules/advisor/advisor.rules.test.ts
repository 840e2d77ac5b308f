import { describe, expect, it } from 'vitest';
import { ADVISOR_RULES, advise } from './advisor.rules.js';
import { type AdvisorInput, DIMENSION_KEYS, type DimensionKey } from './advisor.types.js';

const full = (n: number) =>
  Object.fromEntries(DIMENSION_KEYS.map((k) => [k, n])) as Record<DimensionKey, number>;

const input = (
  over: Partial<Omit<AdvisorInput, 'profile'>> & { profile?: Partial<AdvisorInput['profile']> } = {},
): AdvisorInput => ({
  scores: full(100),
  channelTypes: ['web', 'mobile_app', 'store', 'marketplace', 'social'],
  inboxKinds: ['email', 'whatsapp'],
  ...over,
  profile: {
    commerceType: 'fashion',
    customerHabits: 'mixed',
    loyalty: 'medium',
    annualOrders: 50_000,
    yearsInBusiness: 10,
    goals: ['retention'],
    ...over.profile,
  },
});

describe('advisor rules', () => {
  it('every rule has a unique id, a reason and a non-zero weight', () => {
    expect(new Set(ADVISOR_RULES.map((r) => r.id)).size).toBe(ADVISOR_RULES.length);
    for (const r of ADVISOR_RULES) {
      expect(r.reason.length).toBeGreaterThan(20);
      expect(r.weight).not.toBe(0);
    }
  });

  it('advises nothing to a retailer measured well on every channel', () => {
    expect(advise(input())).toEqual([]);
  });

  it('a fashion retailer with stores but few returns in store: return anywhere, with both reasons, first', () => {
    const a = advise(input({ scores: { ...full(100), return_anywhere: 0 } }));
    expect(a).toEqual([
      {
        code: 'return_anywhere',
        kind: 'capability',
        priority: 75,
        reasons: [
          expect.objectContaining({ rule: 'return_anywhere_for_stores', weight: 55 }),
          expect.objectContaining({ rule: 'fashion_returns', weight: 20 }),
        ],
      },
    ]);
  });

  it('rules for one recommendation add up; the highest priority comes first', () => {
    const a = advise(
      input({
        scores: { ...full(100), sync: 50, click_collect: 0 },
        profile: { goals: ['store_traffic', 'efficiency'] },
      }),
    );
    expect(a.map((x) => [x.code, x.priority])).toEqual([
      ['sync', 100], // 85 out of sync + 15 efficiency
      ['click_collect', 85], // 65 stores and webshop + 20 store traffic
    ]);
  });

  it('a young, small digital-first shop gets a webshop and social, not a marketplace or an app', () => {
    const a = advise(
      input({
        channelTypes: [],
        inboxKinds: [],
        profile: {
          customerHabits: 'digital_first',
          loyalty: 'high',
          annualOrders: 800,
          yearsInBusiness: 1,
          goals: ['new_customers'],
        },
      }),
    );
    const codes = a.map((x) => x.code);
    expect(codes).toEqual(['web', 'social']);
    expect(a.find((x) => x.code === 'marketplace')).toBeUndefined(); // 55 − 60: held back
    expect(codes).not.toContain('mobile_app');
  });

  it('a grocer with stores and online orders but no pickups: click & collect with the grocery reason', () => {
    const a = advise(
      input({
        scores: { ...full(100), click_collect: 20 },
        profile: { commerceType: 'grocery', goals: ['efficiency'] },
      }),
    );
    expect(a[0]).toMatchObject({ code: 'click_collect', priority: 80 });
    expect(a[0]!.reasons.map((r) => r.rule)).toEqual(['click_collect_for_stores', 'grocery_click_collect']);
  });

  it('caps the list and is deterministic', () => {
    const worst = input({
      scores: full(0),
      channelTypes: ['store'],
      inboxKinds: [],
      profile: { goals: ['service', 'retention', 'new_customers', 'store_traffic'] },
    });
    const a = advise(worst);
    expect(a.length).toBe(6);
    expect(advise(worst)).toEqual(a);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.priority).toBeGreaterThanOrEqual(a[i]!.priority);
  });
});
