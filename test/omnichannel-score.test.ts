// The omnichannel score through the API on the demo retailer: every dimension with its formula,
// evidence and next step; connecting a marketplace's sync raises the score, pausing or
// disconnecting it lowers it again; the advisor's profile is validated and stored per hub; keys
// without the scope, bound to a channel or publishable are refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OmnichannelScore } from '../src/flows/omnichannel-score/index.js';
import { DIMENSION_KEYS } from '../src/modules/advisor/index.js';
import {
  type ChannelReceiver,
  keepPushedCatalogue,
  type StandInItem,
  startChannelReceiver,
} from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, ok } from './helpers/test-hub.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

interface Channel {
  id: string;
  code: string;
}
type Score = OmnichannelScore;

const PROFILE = {
  commerceType: 'fashion',
  customerHabits: 'mixed',
  loyalty: 'high',
  annualOrders: 40_000,
  yearsInBusiness: 12,
  goals: ['retention', 'store_traffic'],
};

describeEachHub(
  'omnichannel score',
  (t) => {
    let receiver: ChannelReceiver;
    // The marketplace's own catalogue as the stand-in keeps it (what it was pushed, editable).
    let catalogue: Map<string, StandInItem>;
    beforeAll(async () => {
      receiver = await startChannelReceiver();
      catalogue = keepPushedCatalogue(receiver);
    });
    afterAll(() => receiver.close());

    const score = async () => (await ok(t, 'GET', '/api/score')) as Score;
    const dim = (s: Score, key: string) => s.dimensions.find((d) => d.key === key)!;

    it('measures every dimension on the demo data, with formula, figures, evidence and a next step', async () => {
      const s = await score();
      expect(s.dimensions.map((d) => d.key)).toEqual([...DIMENSION_KEYS]);
      for (const d of s.dimensions) {
        expect(d.score).toBeGreaterThanOrEqual(0);
        expect(d.score).toBeLessThanOrEqual(100);
        expect(d.formula.length).toBeGreaterThan(10);
        expect(d.nextStep.text.length).toBeGreaterThan(10);
      }
      const mean = Math.round(s.dimensions.reduce((a, d) => a + d.score, 0) / s.dimensions.length);
      expect(s.overall).toBe(mean);
      // The demo's orders: some tied to a known customer, one click & collect waiting in Amsterdam.
      expect(dim(s, 'identity').figures.orders).toBeGreaterThan(0);
      expect(dim(s, 'identity').figures.ordersKnown).toBeGreaterThan(0);
      expect(dim(s, 'click_collect').figures.clickCollect).toBeGreaterThanOrEqual(1);
      expect(dim(s, 'click_collect').sample[0]).toMatchObject({ kind: 'order' });
      // The webshop, app and stores read the hub live; the marketplace and social shop have no sync.
      const sync = dim(s, 'sync');
      expect(sync.figures).toMatchObject({ sellingChannels: 6, live: 4, unconnected: 2 });
      expect(sync.score).toBe(67);
      expect(sync.nextStep).toMatchObject({ code: 'connect_sync', channels: ['marketplace', 'social-shop'] });
    });

    it('connecting a channel sync raises the score; pausing it or disconnecting it lowers it', async () => {
      const market = (await ok(t, 'GET', '/api/channels')).items.find(
        (c: Channel) => c.code === 'marketplace',
      );
      const before = await score();
      const created = await t.api('POST', '/api/channel-sync/connections', {
        body: { kind: 'generic', channelId: market.id, baseUrl: `${receiver.url}/sync` },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.connection?.id ?? created.body.id;
      const connected = await score();
      expect(dim(connected, 'sync').score).toBe(83); // (4 live + 1 synced) ÷ 6
      expect(connected.overall).toBeGreaterThan(before.overall);
      expect(dim(connected, 'sync').sample).toEqual([expect.objectContaining({ kind: 'connection', id })]);

      await ok(t, 'PATCH', `/api/channel-sync/connections/${id}`, { status: 'paused' });
      const paused = await score();
      expect(dim(paused, 'sync').score).toBe(67);
      expect(dim(paused, 'sync').nextStep).toMatchObject({ code: 'resume_sync', channels: ['marketplace'] });
      expect(paused.overall).toBeLessThan(connected.overall);

      await ok(t, 'PATCH', `/api/channel-sync/connections/${id}`, { status: 'active' });
      expect(dim(await score(), 'sync').score).toBe(83);
      expect((await t.api('DELETE', `/api/channel-sync/connections/${id}`)).status).toBe(204);
      const gone = await score();
      expect(dim(gone, 'sync').score).toBe(67);
      expect(gone.overall).toBeLessThan(connected.overall);
    });

    it("a price edited on the marketplace's side, found by the audit, lowers the score and names the item; disconnecting lowers it again", async () => {
      const market = (await ok(t, 'GET', '/api/channels')).items.find(
        (c: Channel) => c.code === 'marketplace',
      );
      const c = await ok(t, 'POST', '/api/channel-sync/connections', {
        kind: 'generic',
        channelId: market.id,
        baseUrl: `${receiver.url}/sync`,
        ratePerSecond: 500,
        burst: 500,
      });
      await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/resync`, {});
      await eventually(
        async () => (await ok(t, 'GET', `/api/channel-sync/connections/${c.id}/items`)).items,
        (items: unknown[]) => items.length === 0,
      );
      const audited = async () =>
        (await ok(t, 'POST', '/api/channel-sync/audit/run', {})).items.find(
          (a: { connectionId: string }) => a.connectionId === c.id,
        );
      const clean = await audited();
      expect(clean).toMatchObject({ remote: 'checked', driftBySync: { stock: 0, price: 0, listing: 0 } });
      expect(clean.skus).toBeGreaterThan(0);
      const s1 = await score();
      const row = (s: Score) => dim(s, 'sync').perChannel.find((r) => r.channelId === market.id)!;
      expect(row(s1).values).toMatchObject({ audit: 'audit_fresh', checked: clean.skus, drifted: 0 });
      expect(dim(s1, 'sync').figures).toMatchObject({ audited: 1, driftedItems: 0 });

      // The marketplace's back office changes one price: the next audit reads it back.
      const [sku, item] = [...catalogue].find(([, i]) => typeof i.price === 'string' && i.listed)!;
      item.price = '0.01';
      const drifted = await audited();
      expect(drifted.driftBySync).toEqual({ stock: 0, price: 1, listing: 0 });
      const s2 = await score();
      expect(dim(s2, 'sync').score).toBeLessThan(dim(s1, 'sync').score);
      expect(s2.overall).toBeLessThanOrEqual(s1.overall);
      expect(row(s2).values).toMatchObject({ audit: 'audit_fresh', drifted: 1 });
      expect(dim(s2, 'sync').sample).toContainEqual({
        kind: 'drift',
        id: sku,
        label: expect.stringMatching(/^price · marketplace · \d+ ≠ 1$/),
      });
      expect(dim(s2, 'sync').nextStep).toMatchObject({ code: 'fix_drift', channels: ['marketplace'] });

      // The sync switched off: lower again, and flagged.
      await ok(t, 'PATCH', `/api/channel-sync/connections/${c.id}`, { status: 'disabled' });
      const s3 = await score();
      expect(dim(s3, 'sync').score).toBeLessThan(dim(s2, 'sync').score);
      expect(row(s3).values.status).toBe('disabled');
      expect(dim(s3, 'sync').nextStep).toMatchObject({ code: 'resume_sync', channels: ['marketplace'] });
      expect((await audited()).status).toBe('disabled');
      expect((await t.api('DELETE', `/api/channel-sync/connections/${c.id}`)).status).toBe(204);
    });

    it('stores the retailer profile and advises what to integrate next, with reasons', async () => {
      const none = await ok(t, 'GET', '/api/score/advisor');
      expect(none).toMatchObject({ profile: null, advice: [] });
      const saved = await ok(t, 'PUT', '/api/score/advisor/profile', PROFILE);
      expect(saved.profile).toEqual(PROFILE);
      const a = await ok(t, 'GET', '/api/score/advisor');
      expect(a.profile).toEqual(PROFILE);
      const codes = a.advice.map((x: { code: string }) => x.code);
      expect(codes).toContain('sync'); // the marketplace and social shop sell unsynced
      for (const x of a.advice) {
        expect(x.priority).toBeGreaterThan(0);
        expect(x.reasons.length).toBeGreaterThan(0);
      }
    });

    it('refuses a hostile or incomplete profile with the field named, and writes nothing', async () => {
      for (const [body, field] of [
        [{ ...PROFILE, annualOrders: -1 }, 'body.annualOrders'],
        [{ ...PROFILE, goals: ['retention', 'retention'] }, 'body.goals'],
        [{ ...PROFILE, commerceType: 'x\u0000' }, 'body.commerceType'],
        [{ ...PROFILE, extra: 1 }, 'body'],
      ] as const) {
        const r = await t.api('PUT', '/api/score/advisor/profile', {
          body: { ...body, yearsInBusiness: 99 },
        });
        expect(r.status).toBe(400);
        expect(JSON.stringify(r.body)).toContain(field);
      }
      expect((await ok(t, 'GET', '/api/score/advisor')).profile.yearsInBusiness).toBe(
        PROFILE.yearsInBusiness,
      );
    });

    it('refuses no key, a key without the scope, a channel-bound key and a publishable key', async () => {
      const channels = (await ok(t, 'GET', '/api/channels')).items as Channel[];
      const web = channels.find((c) => c.code === 'webshop')!;
      const key = async (body: Record<string, unknown>) =>
        (await ok(t, 'POST', '/api/keys', body)).secret as string;
      const wrongScope = await key({ name: 'orders-only', scopes: ['orders:read'] });
      const bound = await key({
        name: 'bound',
        scopes: ['insights:read', 'insights:write'],
        channelId: web.id,
      });
      const publishable = await key({ name: 'pk', kind: 'publishable', channelId: web.id });
      const reader = await key({ name: 'reader', scopes: ['insights:read'] });
      for (const [method, path] of [
        ['GET', '/api/score'],
        ['GET', '/api/score/advisor'],
        ['PUT', '/api/score/advisor/profile'],
      ] as const) {
        const body = method === 'PUT' ? PROFILE : undefined;
        expect((await t.api(method, path, { key: null, body })).status).toBe(401);
        expect((await t.api(method, path, { key: wrongScope, body })).status).toBe(403);
        expect((await t.api(method, path, { key: bound, body })).status).toBe(403);
        expect((await t.api(method, path, { key: publishable, body })).status).toBe(403);
      }
      expect((await t.api('GET', '/api/score', { key: reader })).status).toBe(200);
      expect((await t.api('PUT', '/api/score/advisor/profile', { key: reader, body: PROFILE })).status).toBe(
        403,
      );
    });
  },
  { demo: true },
);
