// Promotions, issue 14 items 5, 6 and the CDP: the editor's API (edit rules, benefit and schedule,
// per-field refusals, a preview on a sample cart), campaign changes reaching every channel's carts and
// streams at once (and another hub node's prices, on PostgreSQL), and a campaign conditioned on a CDP
// audience, evaluated in the pricing flow.
import { expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';

import { eventually } from './helpers/eventually.js';
import { openSse } from './helpers/sse-client.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

describeEachHub(
  'promotions: the editor, live changes on every channel, audiences',
  (t) => {
    let f: CommerceFixture;
    let tenPercent = '';
    const carry = { type: 'carry_out' };
    const cart = async (key: string, quantity = 2) => {
      const c = await t.api('POST', '/api/carts', { key, body: { lines: [{ sku: f.skus.mug, quantity }] } });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      await t.api('PUT', `/api/carts/${c.body.id}/delivery`, { key, body: carry });
      return c.body.id as string;
    };
    const discountOf = async (key: string, id: string) =>
      (await t.api('GET', `/api/carts/${id}/quote`, { key })).body.discount as number;

    it('builds a retailer', async () => {
      f = await buildCommerceFixture(t, 'PL', { mug: { warehouse: 100, amsterdam: 100 } });
    });

    it('edits a campaign’s rules, benefit and schedule; refusals name the field', async () => {
      const created = await t.api('POST', '/api/promotions/campaigns', {
        body: { name: 'Mugs 10 %', kind: 'automatic', benefit: { type: 'percentage', percentBp: 1000 } },
      });
      expect(created.status).toBe(201);
      tenPercent = created.body.id;
      // A fixed amount needs a currency: the refusal names the field, nothing is written.
      const refused = await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, {
        body: { benefit: { type: 'fixed', amount: 500 } },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: 'body.currency' }));
      const backwards = await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, {
        body: { timeZone: 'Europe/Amsterdam', startsAt: '2030-01-02T00:00', endsAt: '2030-01-01T00:00' },
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toContainEqual(expect.objectContaining({ path: 'body.endsAt' }));
      const badZone = await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, {
        body: { timeZone: 'Mars/Olympus' },
      });
      expect(badZone.body.errors).toContainEqual(expect.objectContaining({ path: 'body.timeZone' }));
      expect((await t.api('GET', `/api/promotions/campaigns/${tenPercent}`)).body.benefit).toEqual({
        type: 'percentage',
        percentBp: 1000,
      });
      // Scheduled in the future (local time in its zone): not live yet.
      const scheduled = await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, {
        body: {
          timeZone: 'Europe/Amsterdam',
          startsAt: '2099-06-01T09:00',
          conditions: { skus: [f.skus.mug] },
        },
      });
      expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
      expect(scheduled.body.startsAt).toBe('2099-06-01T07:00:00.000Z');
      expect(await discountOf(f.keys.app, await cart(f.keys.app))).toBe(0);
    });

    it('previews a campaign being edited on a sample cart: applies with its amount, or says why not', async () => {
      const draft = {
        name: 'Spend 30 get 5',
        kind: 'automatic',
        currency: 'EUR',
        conditions: { minSpend: 3000, channelIds: [f.channels.web.id] },
        benefit: { type: 'fixed', amount: 500 },
      };
      const sample = {
        channelId: f.channels.web.id,
        currency: 'EUR',
        lines: [{ sku: f.skus.mug, quantity: 3, unitPrice: 1200 }],
      };
      const yes = await t.api('POST', '/api/promotions/preview', { body: { campaign: draft, cart: sample } });
      expect(yes.status, JSON.stringify(yes.body)).toBe(200);
      expect(yes.body.applied).toEqual([expect.objectContaining({ amount: 500, campaignId: 'cmp_preview' })]);
      const short = await t.api('POST', '/api/promotions/preview', {
        body: {
          campaign: draft,
          cart: { ...sample, lines: [{ sku: f.skus.mug, quantity: 1, unitPrice: 1200 }] },
        },
      });
      expect(short.body.notApplied).toContainEqual(
        expect.objectContaining({ reason: 'min_spend_not_met', missingAmount: 1800 }),
      );
      const elsewhere = await t.api('POST', '/api/promotions/preview', {
        body: { campaign: draft, cart: { ...sample, channelId: f.channels.app.id } },
      });
      expect(elsewhere.body.notApplied).toContainEqual(expect.objectContaining({ reason: 'not_in_channel' }));
      const bad = await t.api('POST', '/api/promotions/preview', {
        body: { campaign: { ...draft, currency: undefined }, cart: sample },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ path: 'body.campaign.currency' }));
      // Nothing was stored.
      const list = await t.api('GET', '/api/promotions/campaigns');
      expect(list.body.items.map((c: { name: string }) => c.name)).not.toContain('Spend 30 get 5');
    });

    it('refuses the preview to no key, a wrong scope, a publishable key and a channel-bound key', async () => {
      const body = {
        campaign: { name: 'X', kind: 'automatic', benefit: { type: 'free_shipping' } },
        cart: {
          channelId: f.channels.web.id,
          currency: 'EUR',
          lines: [{ sku: f.skus.mug, quantity: 1, unitPrice: 1 }],
        },
      };
      const make = async (b: Record<string, unknown>) =>
        (await t.api('POST', '/api/keys', { body: b })).body.secret;
      const pub = await make({ name: 'pv-pub', kind: 'publishable', channelId: f.channels.web.id });
      const bound = await make({
        name: 'pv-bound',
        scopes: ['promotions:read'],
        channelId: f.channels.web.id,
      });
      const cases: Array<[string | null, number, string]> = [
        [null, 401, 'unauthenticated'],
        [f.keys.web, 403, 'forbidden'],
        [pub, 403, 'key_kind_forbidden'],
        [bound, 403, 'channel_forbidden'],
      ];
      for (const [key, status, code] of cases) {
        const r = await t.api('POST', '/api/promotions/preview', { key, body });
        expect([r.status, r.body.code]).toEqual([status, code]);
      }
    });

    it('starting, editing and pausing a campaign reaches every channel’s carts and streams at once', async () => {
      const base = (await t.hub.listen()).replace('[::1]', 'localhost');
      const streamKey = (
        await t.api('POST', '/api/keys', {
          body: { name: 'till-stream', scopes: ['events:read'], channelId: f.channels.tillAms.id },
        })
      ).body.secret as string;
      const sse = await openSse(`${base}/api/stream?types=promotion.campaign_*`, {
        authorization: `Bearer ${streamKey}`,
      });
      try {
        expect(sse.status).toBe(200);
        const app = await cart(f.keys.app);
        const till = await cart(f.keys.tillAms);
        expect(await discountOf(f.keys.app, app)).toBe(0);
        const start = await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, {
          body: { startsAt: null },
        });
        expect(start.status).toBe(200);
        // No waiting for a cache: the next quote on any channel has it.
        expect(await discountOf(f.keys.app, app)).toBe(240);
        expect(await discountOf(f.keys.tillAms, till)).toBe(240);
        await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, {
          body: { benefit: { type: 'percentage', percentBp: 2500 } },
        });
        expect(await discountOf(f.keys.tillAms, till)).toBe(600);
        await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, { body: { status: 'paused' } });
        expect(await discountOf(f.keys.app, app)).toBe(0);
        expect(await discountOf(f.keys.tillAms, till)).toBe(0);
        // The till's stream (bound to its channel) heard each change, so it quotes again by itself.
        await sse.waitFor(
          (frames) => frames.filter((x) => x.event === 'promotion.campaign_updated').length >= 3,
        );
        const last = JSON.parse(
          sse.frames.filter((x) => x.event === 'promotion.campaign_updated').at(-1)!.data,
        );
        expect(last.data.campaign).toMatchObject({ id: tenPercent, status: 'paused' });
      } finally {
        sse.close();
      }
    });

    it('a change made through another hub node prices this node’s carts at once (PostgreSQL)', async () => {
      if (t.kind !== 'postgres') return;
      const database = await openDatabase({ databaseUrl: t.url, dataDir: 'memory://' });
      const other: Hub = await createHub({
        config: {
          ...loadConfig({}),
          port: 0,
          adminKey: TEST_ADMIN_KEY,
          databaseUrl: t.url,
          natsUrl: undefined,
        },
        clock: systemClock,
        log: testLog as never,
        database,
      });
      try {
        const app = await cart(f.keys.app);
        expect(await discountOf(f.keys.app, app)).toBe(0); // this node's index is warm (and empty of it)
        const resumed = await other.http.inject({
          method: 'PATCH',
          url: `/api/promotions/campaigns/${tenPercent}`,
          headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
          payload: { status: 'active' },
        });
        expect(resumed.statusCode).toBe(200);
        // Well within the index's 5 s lifetime: the log told this node.
        const seen = await eventually(
          () => discountOf(f.keys.app, app),
          (d) => d === 600,
          2_000,
        );
        expect(seen).toBe(600);
      } finally {
        await other.close();
        await database.close();
      }
    });

    it('a campaign for a CDP audience applies to its members only, as they enter', async () => {
      const audience = await t.api('POST', '/api/audiences', {
        body: { key: 'promo-vip', name: 'VIP', rule: { type: 'tag', tag: 'vip' } },
      });
      expect(audience.status, JSON.stringify(audience.body)).toBe(201);
      await t.api('PATCH', `/api/promotions/campaigns/${tenPercent}`, { body: { status: 'paused' } });
      const vipOnly = await t.api('POST', '/api/promotions/campaigns', {
        body: {
          name: 'VIP 5 off',
          kind: 'automatic',
          currency: 'EUR',
          conditions: { audienceIds: [audience.body.id] },
          benefit: { type: 'fixed', amount: 500 },
        },
      });
      expect(vipOnly.status).toBe(201);
      const mine = await cart(f.keys.app);
      const who = await t.api('POST', `/api/carts/${mine}/identify`, {
        key: f.keys.app,
        body: { identifiers: [{ type: 'email', value: 'vip@example.com' }] },
      });
      expect(who.status, JSON.stringify(who.body)).toBe(200);
      const anonymous = await cart(f.keys.app);
      expect(await discountOf(f.keys.app, mine)).toBe(0);
      await t.api('POST', `/api/customers/${who.body.customerId}/tags`, { body: { add: ['vip'] } });
      const members = await eventually(
        () => t.api('GET', '/api/audiences/promo-vip/members'),
        (r) => r.body.items.length === 1,
      );
      expect(members.body.items[0].customerId).toBe(who.body.customerId);
      expect(await discountOf(f.keys.app, mine)).toBe(500);
      expect(await discountOf(f.keys.app, anonymous)).toBe(0);
      const why = await t.api('POST', '/api/promotions/preview', {
        body: {
          campaign: {
            name: 'VIP',
            kind: 'code',
            conditions: { audienceIds: [audience.body.id] },
            benefit: { type: 'percentage', percentBp: 500 },
          },
          cart: {
            channelId: f.channels.app.id,
            currency: 'EUR',
            lines: [{ sku: f.skus.mug, quantity: 1, unitPrice: 1200 }],
            customer: { tags: [] },
          },
        },
      });
      expect(why.body.notApplied).toContainEqual(
        expect.objectContaining({ reason: 'customer_not_eligible' }),
      );
    });
  },
  { ...COMMERCE_HUB_OPTIONS, engines: ['pglite', 'postgres'] },
);
