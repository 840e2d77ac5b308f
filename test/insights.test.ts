// Insights end to end on both databases: a known journey across channels (a social campaign click on
// the web, a direct visit in the app, then an order at the store till imported with the customer's
// email) flows from ingestion and the order import through the event log into the projections; the
// dashboard's routes answer channel performance, every attribution model side by side, the channel
// path with its conversion, the drill-down to the order and customer, and CSV; a rebuild from log
// position 0 gives the same figures. Refusals: no key, wrong scope, publishable key, a bound key.
import { expect, it } from 'vitest';
import { rebuildInsights, startInsightsProjection } from '../src/flows/insights/index.js';
import { describeEachHub, ok } from './helpers/test-hub.js';

const DAY = 86_400_000;
const HEADER =
  'order_id,source,placed_at,status,currency,email,sku,title,quantity,unit_price,shipping,discount\n';

describeEachHub('insights', (t) => {
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};
  const now = Date.now();
  const caughtUp = () => t.hub.insightsProjection.caughtUp();

  it('projects a journey across web, app and store from ingestion and an order import', async () => {
    const list = await ok(t, 'POST', '/api/catalog/price-lists', {
      code: 'ins-eur',
      name: 'EUR',
      currency: 'EUR',
    });
    for (const [code, type] of [
      ['ins-web', 'web'],
      ['ins-app', 'mobile_app'],
      ['ins-store', 'store'],
    ] as const)
      ids[code] = (
        await ok(t, 'POST', '/api/channels', {
          code,
          name: code,
          type,
          currency: 'EUR',
          locales: ['en'],
          priceListId: list.id,
        })
      ).id;
    const send = async (channel: string, batch: unknown[]) => {
      const { writeKey } = await ok(t, 'POST', '/api/customers/sources', {
        channelId: ids[channel],
        name: `${channel}-src`,
      });
      const r = await t.api('POST', '/v1/batch', { key: null, body: { writeKey, batch } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
    await send('ins-web', [
      {
        type: 'identify',
        messageId: 'ins-1',
        userId: 'ins-buyer',
        traits: { email: 'ins-buyer@example.com' },
        timestamp: at(10),
      },
      {
        type: 'page',
        messageId: 'ins-2',
        userId: 'ins-buyer',
        name: 'Home',
        context: { campaign: { source: 'instagram', medium: 'social', name: 'Spring' } },
        timestamp: at(10),
      },
    ]);
    await send('ins-app', [
      { type: 'screen', messageId: 'ins-3', userId: 'ins-buyer', name: 'Product', timestamp: at(3) },
    ]);
    const csv = `${HEADER}INS-1,hist,${at(1)},completed,EUR,ins-buyer@example.com,INS-SKU,Thing,1,10000,0,0\n`;
    const r = await t.api('POST', '/api/imports/orders?channel=ins-store&source=ins.csv', {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.body.status, JSON.stringify(r.body)).toBe('completed');
    await caughtUp();
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', { name: `ins-${Object.keys(keys).length}`, ...body }))
        .secret as string;
    keys.reader = await key({ scopes: ['insights:read'] });
    keys.noScope = await key({ scopes: ['orders:read'] });
    keys.publishable = await key({ kind: 'publishable', channelId: ids['ins-web'] });
    keys.bound = await key({ scopes: ['insights:read'], channelId: ids['ins-store'] });
  });

  const get = async (path: string) => {
    const r = await t.api('GET', path, { key: keys.reader });
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r;
  };

  it('channel performance: revenue, orders, AOV, new customers per channel; drill-down to the order', async () => {
    const { body } = await get('/api/insights/channels');
    expect(body.channels.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['ins-web', 'ins-store']),
    );
    const store = body.totals.find((x: { channelId: string }) => x.channelId === ids['ins-store']);
    expect(store).toMatchObject({
      orders: 1,
      revenue: 10_000,
      averageOrderValue: 10_000,
      newCustomers: 1,
      returns: 0,
    });
    const drill = (await get(`/api/insights/orders?channelId=${ids['ins-store']}&firstOrder=true`)).body;
    expect(drill.orders).toHaveLength(1);
    expect(drill.orders[0]).toMatchObject({ revenue: 10_000, customerId: expect.stringMatching(/^cus_/) });
    const journey = (await get(`/api/insights/customers/${drill.orders[0].customerId}/touchpoints`)).body;
    expect(journey.touchpoints.map((x: { kind: string }) => x.kind)).toEqual([
      'campaign',
      'session',
      'order',
    ]);
  });

  it('attribution: every model side by side, each reconciling to the order revenue', async () => {
    const { body } = await get('/api/insights/attribution?lookbackDays=30&halfLifeDays=7');
    const credit = (model: string) =>
      Object.fromEntries(
        body.byChannel
          .filter((x: { model: string }) => x.model === model)
          .map((x: { key: string; credited: number }) => [x.key, x.credited]),
      );
    expect(credit('first_touch')).toEqual({ social: 10_000 });
    expect(credit('last_touch')).toEqual({ [ids['ins-app']!]: 10_000 });
    // The app visit is direct: the campaign click keeps the credit.
    expect(credit('last_non_direct')).toEqual({ social: 10_000 });
    expect(credit('linear')).toEqual({ social: 5_000, [ids['ins-app']!]: 5_000 });
    expect(credit('position_based')).toEqual({ social: 5_000, [ids['ins-app']!]: 5_000 });
    const campaigns = body.byCampaign.filter((x: { model: string }) => x.model === 'first_touch');
    expect(campaigns).toEqual([expect.objectContaining({ key: 'spring', credited: 10_000 })]);
    const csv = await get('/api/insights/attribution?format=csv');
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
  });

  it('journeys: the social → app → store path converted; a funnel across channels; CSV', async () => {
    const { body } = await get('/api/insights/journeys?steps=campaign,session,order');
    expect(body.paths[0]).toMatchObject({
      steps: ['social', ids['ins-app'], ids['ins-store']],
      customers: 1,
      converted: 1,
    });
    expect(body.funnel.map((s: { customers: number }) => s.customers)).toEqual([1, 1, 1]);
    const csv = await t.api('GET', '/api/insights/journeys?format=csv', { key: keys.reader });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
  });

  it('refuses no key, a wrong scope, a publishable key and a channel-bound key; bad input is a 400 naming the field', async () => {
    const path = '/api/insights/channels';
    expect((await t.api('GET', path, { key: null })).status).toBe(401);
    expect((await t.api('GET', path, { key: keys.noScope })).body.code).toBe('forbidden');
    expect((await t.api('GET', path, { key: keys.publishable })).body.code).toBe('key_kind_forbidden');
    expect((await t.api('GET', path, { key: keys.bound })).status).toBe(403);
    const bad = await t.api('GET', `${path}?from=2026-02-01&to=2026-01-01`, { key: keys.reader });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('to');
    const badSteps = await t.api('GET', '/api/insights/journeys?steps=session,teleport', {
      key: keys.reader,
    });
    expect(badSteps.status).toBe(400);
    const badLookback = await t.api('GET', '/api/insights/attribution?lookbackDays=9999', {
      key: keys.reader,
    });
    expect(badLookback.status).toBe(400);
  });

  it('rebuilds from log position 0 to the same figures', async () => {
    const ctx = t.hub.systemCtx();
    const before = (await get('/api/insights/channels')).body.days;
    await t.hub.insightsProjection.stop();
    await rebuildInsights(ctx, t.hub.services.insights);
    expect((await get('/api/insights/channels')).body.days).toEqual([]);
    const again = startInsightsProjection({
      database: t.hub.database,
      insights: t.hub.services.insights,
      clock: ctx.clock,
      log: ctx.log,
    });
    try {
      await again.caughtUp();
      expect((await get('/api/insights/channels')).body.days).toEqual(before);
    } finally {
      await again.stop();
    }
  });
});
