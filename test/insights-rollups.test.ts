// The insights routes over the rollups on both databases: cohorts and retention, lifetime value by
// cohort and first channel, inbox first-response times (JSON and CSV) from orders imported through the
// log; the rebuild route (admin only) empties the projection, replays it from log position 0 and gives
// the same figures. Refusals for every new route: no key, wrong scope, publishable key, channel-bound key.
import { sql } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { describeEachHub, ok } from './helpers/test-hub.js';

const HEADER =
  'order_id,source,placed_at,status,currency,email,sku,title,quantity,unit_price,shipping,discount\n';
const RANGE = 'from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z';

describeEachHub('insights rollups', (t) => {
  const ids: Record<string, string> = {};
  const keys: Record<string, string> = {};
  const get = async (path: string, key = keys.reader) => {
    const r = await t.api('GET', path, { key });
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r;
  };

  it('imports orders of two customers over three months on two channels', async () => {
    const list = await ok(t, 'POST', '/api/catalog/price-lists', {
      code: 'ro-eur',
      name: 'EUR',
      currency: 'EUR',
    });
    for (const code of ['ro-web', 'ro-store'])
      ids[code] = (
        await ok(t, 'POST', '/api/channels', {
          code,
          name: code,
          type: code === 'ro-web' ? 'web' : 'store',
          currency: 'EUR',
          locales: ['en'],
          priceListId: list.id,
        })
      ).id;
    const line = (id: string, day: string, email: string, cents: number) =>
      `${id},hist,${day}T10:00:00Z,completed,EUR,${email},RO-SKU,Thing,1,${cents},0,0\n`;
    const load = async (channel: string, csv: string) => {
      const r = await t.api('POST', `/api/imports/orders?channel=${channel}&source=${channel}.csv`, {
        body: HEADER + csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(r.body.status, JSON.stringify(r.body)).toBe('completed');
    };
    // a: January on the web, again in February at the store; b: February at the store only.
    await load('ro-web', line('RO-1', '2026-01-10', 'ro-a@example.com', 10_000));
    await load(
      'ro-store',
      line('RO-2', '2026-02-05', 'ro-a@example.com', 4_000) +
        line('RO-3', '2026-02-07', 'ro-b@example.com', 6_000),
    );
    await t.hub.insightsProjection.caughtUp();
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', { name: `ro-${Object.keys(keys).length}`, ...body }))
        .secret as string;
    keys.reader = await key({ scopes: ['insights:read'] });
    keys.noScope = await key({ scopes: ['orders:read'] });
    keys.publishable = await key({ kind: 'publishable', channelId: ids['ro-web'] });
    keys.bound = await key({ scopes: ['insights:read'], channelId: ids['ro-store'] });
  });

  it('cohorts: January’s customer ordered again in February; February’s cohort is one customer', async () => {
    const { body } = await get(`/api/insights/cohorts?${RANGE}`);
    expect(body.cohorts).toEqual([
      { cohort: '2026-01-01', customers: 1, months: [{ offset: 1, customers: 1, share: 1 }] },
      { cohort: '2026-02-01', customers: 1, months: [] },
    ]);
    const csv = await get(`/api/insights/cohorts?${RANGE}&format=csv`);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(csv.body)).toContain('2026-01-01,1,1,1');
  });

  it('lifetime value by cohort and by first channel', async () => {
    const { body } = await get(`/api/insights/ltv?${RANGE}`);
    expect(body.byCohort).toEqual([
      { key: '2026-01-01', currency: 'EUR', customers: 1, orders: 2, revenue: 14_000, ltv: 14_000 },
      { key: '2026-02-01', currency: 'EUR', customers: 1, orders: 1, revenue: 6_000, ltv: 6_000 },
    ]);
    expect(body.byFirstChannel).toEqual(
      [
        { key: ids['ro-store'], currency: 'EUR', customers: 1, orders: 1, revenue: 6_000, ltv: 6_000 },
        { key: ids['ro-web'], currency: 'EUR', customers: 1, orders: 2, revenue: 14_000, ltv: 14_000 },
      ].sort((a, b) => a.key!.localeCompare(b.key!)),
    );
    const onlyWeb = (await get(`/api/insights/ltv?${RANGE}&channel=${ids['ro-web']}`)).body;
    expect(onlyWeb.byCohort.map((r: { key: string }) => r.key)).toEqual(['2026-01-01']);
  });

  it('response times: a channel list (no inbox traffic here) and its CSV', async () => {
    expect((await get(`/api/insights/response-times?${RANGE}`)).body.channels).toEqual([]);
    const csv = await get(`/api/insights/response-times?${RANGE}&format=csv`);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
  });

  it('refuses no key, a wrong scope, a publishable key and a channel-bound key on every new route', async () => {
    for (const path of ['cohorts', 'ltv', 'response-times'].map((p) => `/api/insights/${p}?${RANGE}`)) {
      expect((await t.api('GET', path, { key: null })).status, path).toBe(401);
      expect((await t.api('GET', path, { key: keys.noScope })).body.code, path).toBe('forbidden');
      expect((await t.api('GET', path, { key: keys.publishable })).body.code, path).toBe(
        'key_kind_forbidden',
      );
      expect((await t.api('GET', path, { key: keys.bound })).status, path).toBe(403);
    }
    const bad = await t.api('GET', '/api/insights/cohorts?from=2026-02-01&to=2026-01-01', {
      key: keys.reader,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('to');
    const rebuild = '/api/insights/rebuild';
    expect((await t.api('POST', rebuild, { key: null })).status).toBe(401);
    // Reading insights does not allow emptying them.
    expect((await t.api('POST', rebuild, { key: keys.reader })).body.code).toBe('forbidden');
    expect((await t.api('POST', rebuild, { key: keys.publishable })).body.code).toBe('key_kind_forbidden');
    const before = (await get(`/api/insights/cohorts?${RANGE}`)).body.cohorts;
    expect(before).toHaveLength(2);
  });

  it('the rebuild route replays the projection from log position 0 to the same figures', async () => {
    const before = {
      cohorts: (await get(`/api/insights/cohorts?${RANGE}`)).body.cohorts,
      attribution: (await get(`/api/insights/attribution?${RANGE}`)).body.byChannel,
      channels: (await get(`/api/insights/channels?${RANGE}`)).body.days,
    };
    // Spoil the rollups: only a replay from position 0 puts the figures right again.
    await t.hub.database.db.execute(
      sql`update insights_cohorts set customers = customers + 5, revenue = revenue + 1`,
    );
    await t.hub.database.db.execute(sql`update insights_attribution_daily set credited = credited + 1`);
    await t.hub.database.db.execute(sql`update insights_daily set orders = orders + 1`);
    // (another range: the same one may still be answered from the dashboard's 5 s cache)
    const spoiled = (await get('/api/insights/cohorts?from=2026-01-01T00:00:00Z&to=2026-03-31T00:00:00Z'))
      .body.cohorts;
    expect(spoiled).not.toEqual(before.cohorts);
    const r = await t.api('POST', '/api/insights/rebuild'); // the hub's admin key
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The running projection finds its lease gone, reloads the rewound cursor and replays.
    await vi.waitFor(
      async () => {
        await t.hub.insightsProjection.caughtUp();
        const after = {
          cohorts: (await get(`/api/insights/cohorts?${RANGE}`)).body.cohorts,
          attribution: (await get(`/api/insights/attribution?${RANGE}`)).body.byChannel,
          channels: (await get(`/api/insights/channels?${RANGE}`)).body.days,
        };
        expect(after).toEqual(before);
      },
      { timeout: 30_000, interval: 200 },
    );
  });
});
