// The hand-off from ingestion to the CDP is durable: events stored while the CDP worker is not
// running (a hub stopped, or crashed, between ingestion and processing) are counted when a hub
// starts again on the same database, and a replay of what was already handled (a crash before the
// consumer's cursor was saved) counts nothing twice and enters no one twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { type HubConfig, loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase, rows } from '../src/platform/db/database.js';
import {
  createFreshPostgresDatabase,
  openFreshPglite,
  postgresTestUrl,
  testLog,
} from '../src/platform/testing/test-databases.js';

const ADMIN = 'ohk_test_admin_key_0123456789abcdef';

async function api(hub: Hub, method: string, path: string, body?: unknown, key: string | null = ADMIN) {
  const res = await hub.http.inject({
    method: method as 'GET',
    url: path,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  const parsed = res.body ? JSON.parse(res.body) : undefined;
  expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
  return parsed;
}

const settled = async (hub: Hub) => {
  await hub.cdp.idle();
  await hub.cdp.backfill.caughtUp();
  await hub.cdp.idle();
};

const kinds: Array<'pglite' | 'postgres'> = postgresTestUrl() ? ['pglite', 'postgres'] : ['pglite'];
for (const kind of kinds) {
  describe(`CDP hand-off survives a stop between ingestion and processing [${kind}]`, () => {
    let database: Database;
    let url: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    let hub: Hub | undefined;
    const start = async () => {
      const config: HubConfig = {
        ...loadConfig({}),
        port: 0,
        adminKey: ADMIN,
        demo: false,
        databaseUrl: url,
        natsUrl: undefined,
        staffPasswordCost: 10,
      };
      hub = await createHub({ config, clock: systemClock, log: testLog as never, database });
      return hub;
    };

    beforeAll(async () => {
      if (kind === 'postgres') {
        const fresh = await createFreshPostgresDatabase(postgresTestUrl()!, { migrated: true });
        drop = fresh.drop;
        url = fresh.url;
        database = await openDatabase({ databaseUrl: url });
      } else database = await openFreshPglite({ migrated: true });
    });
    afterAll(async () => {
      await hub?.close();
      await database?.close();
      await drop?.();
    });

    it('counts what was stored while the CDP was down, once, also when handled events are replayed', async () => {
      let h = await start();
      const channelId = (
        await api(h, 'POST', '/api/channels', {
          code: 'ho-web',
          name: 'web',
          type: 'web',
          currency: 'EUR',
          locales: ['en'],
        })
      ).id as string;
      const writeKey = (await api(h, 'POST', '/api/customers/sources', { channelId, name: 'site' })).writeKey;
      const audience = await api(h, 'POST', '/api/audiences', {
        key: 'viewers',
        name: 'Viewers',
        rule: { type: 'event', name: 'Item Viewed', count: 3, withinDays: 30 },
      });
      await api(h, 'POST', '/api/computed-traits', {
        traitKey: 'items_viewed',
        definition: { event: 'Item Viewed', aggregate: 'count', windowDays: 30 },
      });
      await settled(h);
      const cursorBefore = await rows<{ tx_id: string; position: string }>(
        database.db,
        sql`select tx_id, position from consumer_cursors where name = 'cdp-audiences'`,
      );
      expect(cursorBefore).toHaveLength(1);

      // The worker stops (as in a crash, nothing of what follows reaches it); ingestion goes on.
      await h.cdp.stop();
      const at = new Date().toISOString();
      const batch = await api(
        h,
        'POST',
        '/v1/batch',
        {
          writeKey,
          batch: [
            {
              type: 'identify',
              userId: 'u-ho',
              messageId: 'ho-1',
              timestamp: at,
              traits: { email: 'ho@example.com' },
            },
            ...[2, 3, 4].map((i) => ({
              type: 'track',
              userId: 'u-ho',
              event: 'Item Viewed',
              messageId: `ho-${i}`,
              timestamp: at,
            })),
          ],
        },
        null,
      );
      expect(batch.results?.every((r: { status: string }) => r.status === 'stored') ?? true).toBe(true);
      const customer = (await api(h, 'GET', '/api/customers?email=ho%40example.com')).items[0].id as string;
      expect((await api(h, 'GET', '/api/audiences/viewers/members')).items).toEqual([]);
      expect((await api(h, 'GET', `/api/customers/${customer}`)).traits.items_viewed).toBeUndefined();
      await h.close();

      // A hub started again on the same database takes the hand-off from the event log.
      h = await start();
      await settled(h);
      const counted = async () => {
        expect((await api(h, 'GET', `/api/customers/${customer}`)).traits.items_viewed.value).toBe(3);
        const members = (await api(h, 'GET', '/api/audiences/viewers/members')).items;
        expect(members.map((m: { customerId: string }) => m.customerId)).toEqual([customer]);
        const entered = (await api(h, 'GET', '/api/events?types=audience.entered')).items.filter(
          (e: { data: { customerId: string; audienceId: string } }) =>
            e.data.customerId === customer && e.data.audienceId === audience.id,
        );
        expect(entered).toHaveLength(1);
        expect(entered[0].data.causedBy).toEqual(expect.stringMatching(/^ho-/));
        const kept = await rows<{ n: string }>(
          database.db,
          sql`select count(*) as n from cdp_profile_events where event_name = 'Item Viewed'`,
        );
        expect(Number(kept[0]!.n)).toBe(3);
      };
      await counted();

      // Handled but not yet remembered (a crash before the cursor was saved): replayed, idempotently.
      await h.close();
      await database.db.execute(
        sql`update consumer_cursors set tx_id = ${cursorBefore[0]!.tx_id}, position = ${cursorBefore[0]!.position}
            where name = 'cdp-audiences'`,
      );
      h = await start();
      await settled(h);
      await counted();
    });
  });
}
