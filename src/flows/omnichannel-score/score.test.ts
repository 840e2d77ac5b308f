// The dimensions' formulas over hand-made figures (no database): each score computed by hand.
import { describe, expect, it } from 'vitest';
import type { DimensionKey } from '../../modules/advisor/index.js';
import type { AuditRecord, Connection, ConnectionHealth } from '../../modules/channel-sync/index.js';
import type { Channel } from '../../modules/channels/index.js';
import { DEFAULT_LOYALTY_RULES } from '../../modules/wallet/index.js';
import { scoreOf } from './score.flow.js';
import type { Dimension, Measured } from './score.types.js';
import { usage } from './score-parts.js';

const NOW = new Date('2026-12-06T12:00:00Z');
const ch = (id: string, type: string): Channel =>
  ({ id, code: id, type, status: 'active' }) as unknown as Channel;
const conn = (id: string, channelId: string, push: string[], status = 'active'): Connection =>
  ({ id, channelId, kind: 'generic', push, status }) as unknown as Connection;
const health = (connectionId: string, over: Partial<ConnectionHealth> = {}): ConnectionHealth =>
  ({
    connectionId,
    lagSeconds: 0,
    deadLettered: 0,
    queueDepth: 0,
    failed: 0,
    pausedUntil: null,
    lastPushedAt: null,
    ...over,
  }) as ConnectionHealth;

const syncOf = (
  connections: Connection[],
  health: ConnectionHealth[],
  audits: AuditRecord[] = [],
): Measured['sync'] => ({ connections, health, audits, auditIntervalSeconds: 900 });
const audit = (connectionId: string, over: Partial<AuditRecord> = {}): AuditRecord => ({
  connectionId,
  channelId: 'mkt',
  auditedAt: new Date(NOW.getTime() - 60_000),
  status: 'active',
  skus: 20,
  drift: {},
  driftBySync: { stock: 0, price: 0, listing: 0 },
  remote: 'checked',
  remoteError: null,
  lagSeconds: 0,
  deadLettered: 0,
  sample: [],
  ...over,
});

function measured(over: Partial<Measured> = {}): Measured {
  return {
    now: NOW,
    channels: [ch('web', 'web'), ch('shop', 'store'), ch('mkt', 'marketplace'), ch('mail', 'email')],
    orders: {
      perChannel: [
        { channelId: 'web', orders: 10, withCustomer: 8, pickup: 1 },
        { channelId: 'shop', orders: 10, withCustomer: 2, pickup: 0 },
      ],
      returns: [
        { soldOn: 'web', returnedOn: 'shop', returns: 1 },
        { soldOn: 'web', returnedOn: 'web', returns: 3 },
      ],
      samples: { anonymous: [], pickup: [], returnedElsewhere: [] },
    },
    events: { perChannel: [{ channelId: 'web', events: 100, known: 40 }], anonymousSample: [] },
    carts: { crossings: [], made: [{ channelId: 'web', carts: 40 }], sample: [] },
    conversations: { conversations: 0, linked: 0, multiChannel: 0, kinds: [], unlinkedSample: [] },
    campaigns: [
      { channelIds: null, campaigns: 3, sample: [] },
      { channelIds: ['web'], campaigns: 1, sample: [{ id: 'cmp_1', name: 'Web only' }] },
    ],
    loyalty: {
      rules: { ...DEFAULT_LOYALTY_RULES, channels: { mkt: 0 } },
      use: [{ channelId: 'shop', earned: 2, redeemed: 0, entries: 2 }],
    },
    sync: syncOf([], []),
    ...over,
  };
}

const dims = (m: Measured) =>
  Object.fromEntries(scoreOf(m, 90, NOW).dimensions.map((d) => [d.key, d])) as Record<
    DimensionKey,
    Dimension
  >;

describe('omnichannel score formulas', () => {
  it('computes every dimension as stated, and the overall mean', () => {
    const s = scoreOf(measured(), 90, NOW);
    const d = Object.fromEntries(s.dimensions.map((x) => [x.key, x.score]));
    expect(d).toEqual({
      identity: 45, // mean(10/20, 40/100) = 0.45
      sync: 67, // web and store live, the marketplace unconnected; email is no selling channel
      handoffs: 0,
      conversations: 0,
      campaigns: 75, // 3 of 4 valid everywhere
      loyalty: 53, // 60 × 2/3 earning + 40 × 1/3 used
      click_collect: 100, // 1 of 10 web orders = the 10 % target
      return_anywhere: 100, // 1 of 4 returns elsewhere ≥ 10 %
    });
    expect(s.overall).toBe(Math.round((45 + 67 + 0 + 0 + 75 + 53 + 100 + 100) / 8));
  });

  it('sync: ⅓ per pushed kind × health; paused counts 0, lag halves, parked items take a quarter', () => {
    const full = conn('c1', 'mkt', ['stock', 'price', 'listing']);
    expect(dims(measured({ sync: syncOf([full], [health('c1')]) })).sync.score).toBe(100);
    expect(dims(measured({ sync: syncOf([conn('c1', 'mkt', ['stock'])], [health('c1')]) })).sync.score).toBe(
      78,
    );
    const paused = dims(
      measured({
        sync: syncOf([conn('c1', 'mkt', ['stock', 'price', 'listing'], 'paused')], [health('c1')]),
      }),
    ).sync;
    expect(paused.score).toBe(67);
    expect(paused.nextStep).toMatchObject({ code: 'resume_sync', channels: ['mkt'] });
    const lagging = dims(measured({ sync: syncOf([full], [health('c1', { lagSeconds: 3600 })]) })).sync;
    expect(lagging.score).toBe(83);
    expect(lagging.nextStep.code).toBe('fix_sync');
    const parked = dims(measured({ sync: syncOf([full], [health('c1', { deadLettered: 2 })]) })).sync;
    expect(parked.score).toBe(92);
    const retryAfter = health('c1', { pausedUntil: new Date(NOW.getTime() + 60_000) });
    expect(dims(measured({ sync: syncOf([full], [retryAfter]) })).sync.score).toBe(67);
  });

  it('sync: the last audit within two intervals takes drift off its kind; failing reads cap it; stale is unknown', () => {
    const full = conn('c1', 'mkt', ['stock', 'price', 'listing']);
    const withAudit = (a: AuditRecord) => dims(measured({ sync: syncOf([full], [health('c1')], [a]) })).sync;
    const clean = withAudit(audit('c1'));
    expect(clean.score).toBe(100);
    expect(clean.perChannel.find((r) => r.channelId === 'mkt')?.values).toMatchObject({
      audit: 'audit_fresh',
      checked: 20,
      drifted: 0,
      auditAgeMinutes: 1,
    });
    expect(clean.nextStep.code).toBe('keep_going');
    const sample = [{ sku: 'TEE-1', kind: 'price', source: 'channel' as const, hub: 1450, channel: 999 }];
    // 2 of 20 SKUs' prices drifted: the price third counts 1 − ¼ − 10 % = 0.65; web and store count 1 each
    const drifted = withAudit(audit('c1', { driftBySync: { stock: 0, price: 2, listing: 0 }, sample }));
    expect(drifted.score).toBe(Math.round((100 * (2 + (2 + 0.65) / 3)) / 3));
    expect(drifted.nextStep).toMatchObject({ code: 'fix_drift', channels: ['mkt'] });
    expect(drifted.sample[0]).toEqual({ kind: 'drift', id: 'TEE-1', label: 'price · mkt · 1450 ≠ 999' });
    expect(drifted.figures).toMatchObject({ audited: 1, auditUnknown: 0, driftedItems: 2 });
    const failing = withAudit(audit('c1', { remote: 'error', remoteError: 'HTTP 500' }));
    expect(failing.score).toBe(Math.round((100 * (2 + 0.5)) / 3));
    expect(failing.nextStep.code).toBe('fix_sync');
    // Older than two intervals (900 s): unknown evidence, not counted, said so; its drift not sampled.
    const old = new Date(NOW.getTime() - 1801_000);
    const stale = withAudit(
      audit('c1', { auditedAt: old, driftBySync: { stock: 5, price: 5, listing: 5 }, sample }),
    );
    expect(stale.score).toBe(100);
    expect(stale.perChannel.find((r) => r.channelId === 'mkt')?.values.audit).toBe('audit_stale');
    expect(stale.figures).toMatchObject({ audited: 0, auditUnknown: 1 });
    expect(stale.nextStep).toMatchObject({ code: 'audit_sync', channels: ['mkt'] });
    expect(stale.sample.map((x) => x.kind)).toEqual(['connection']);
  });

  it('a capability in use scores 50 at once and 100 at its target share', () => {
    expect(usage(0, 100, 0.05)).toBe(0);
    expect(usage(1, 1000, 0.05)).toBe(51);
    expect(usage(5, 100, 0.05)).toBe(100);
    const moved = dims(
      measured({
        carts: {
          crossings: [{ fromChannelId: 'web', toChannelId: 'shop', carts: 1 }],
          made: [{ channelId: 'web', carts: 40 }],
          sample: [],
        },
      }),
    );
    expect(moved.handoffs.score).toBe(75); // 1/40 = 2.5 % of a 5 % target
    expect(moved.handoffs.perChannel).toEqual([
      { channelId: 'shop', label: 'web → shop', values: { carts: 1 } },
    ]);
  });

  it('conversations: 70 × linked share + 30 × kinds in use ÷ 3', () => {
    const c = dims(
      measured({
        conversations: {
          conversations: 10,
          linked: 5,
          multiChannel: 1,
          kinds: [
            { kind: 'email', conversations: 8, linked: 4 },
            { kind: 'chat', conversations: 3, linked: 1 },
          ],
          unlinkedSample: [],
        },
      }),
    ).conversations;
    expect(c.score).toBe(55); // 35 + 20
    expect(c.nextStep.code).toBe('link_conversations');
  });
});
