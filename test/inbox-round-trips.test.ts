// Inbound messages are filed in batches: a WhatsApp delivery of 20 people is resolved to profiles in
// one ingest batch (which tells their clusters), the messages on their conversations in one read and one
// write, the conversations opened on the timelines in one transaction, so SQL round trips per message
// stay far below one (it was 19-28 per message, one at a time). Counted on PostgreSQL (PGlite is
// in-process: no network round trips) by this process's pg client, BEGIN/COMMIT included. Both
// databases check the batch files what one-at-a-time filing did: one conversation per person, a
// redelivery stored once, and two deliveries racing for the same new person on one conversation.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expect, it } from 'vitest';
import { signMetaBody } from '../src/connectors/meta/index.js';
import { rows } from '../src/platform/db/database.js';
import { countStatements } from '../src/platform/testing/statement-count.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const APP_SECRET = 'rt-meta-app-secret-0123456789';
const PHONE_ID = '106540352249999';

function delivery(people: string[], tag: string, phoneId = PHONE_ID) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129349999',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550009', phone_number_id: phoneId },
              contacts: people.map((p) => ({ wa_id: p, profile: { name: `Person ${p}` } })),
              messages: people.map((p, i) => ({
                from: p,
                id: `wamid.${tag}.${i}`,
                timestamp: String(Math.floor(Date.now() / 1000)),
                type: 'text',
                text: { body: `Question ${i}` },
              })),
            },
          },
        ],
      },
    ],
  };
}

async function post(t: TestHub, path: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  return t.api('POST', path, {
    key: null,
    body: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(APP_SECRET, raw) },
  });
}

/**
 * What a replay must not add to: identify events stored for customers, the inbox's messages and its
 * events in the log (not every event: background consumers may still append theirs meanwhile).
 */
async function writtenCounts(t: TestHub) {
  const [r] = await rows<{ identify: number; messages: number; events: number }>(
    t.hub.database.db,
    sql`select (select count(*) from customer_events where kind = 'identify')::int as identify,
               (select count(*) from inbox_messages)::int as messages,
               (select count(*) from events where type like 'inbox.%')::int as events`,
  );
  return r;
}

describeEachHub(
  'inbox round trips',
  (t) => {
    /** A WhatsApp account on a dead API address (no reply goes out): its webhook path. */
    const whatsappAccount = async (name: string, externalAccountId: string, tokens: string) => {
      const account = await t.api('POST', '/api/inbox/channel-accounts', {
        body: {
          kind: 'whatsapp',
          name,
          externalAccountId,
          appSecret: APP_SECRET,
          verifyToken: `${tokens}-verify`,
          accessToken: `${tokens}-token`,
          apiBaseUrl: 'http://127.0.0.1:9',
        },
      });
      expect(account.status, JSON.stringify(account.body)).toBe(201);
      return (account.body as { webhookPaths: string[] }).webhookPaths[0]!;
    };

    it('files a delivery of 20 new people with a few statements in all, as one at a time would', async () => {
      const path = await whatsappAccount('RT WhatsApp', PHONE_ID, 'rt');
      const people = Array.from({ length: 20 }, (_, i) => `4670${String(8_000_000 + i)}`);
      const payload = delivery(people, 'rt');

      const clusterReads = /^\s*with asked as/;
      const { result: first, statements } = await countStatements(async () => {
        const { result, statements: reads } = await countStatements(
          () => post(t, path, payload),
          clusterReads,
        );
        // The clusters come with the identify's results: no read of them.
        if (t.kind === 'postgres') expect(reads).toBe(0);
        return result;
      });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({ stored: 20, duplicates: 0 });
      // On the request path: the account (1), identity (5 with BEGIN/COMMIT), inbox read and write (2),
      // timelines (4): ~12 for the delivery. The event consumers its commits wake
      // (cursors, webhook endpoints, rules) run meanwhile and are counted too: 25–27 in all (~1.3 per
      // message; one message at a time it was 26.7 per message).
      if (t.kind === 'postgres') expect(statements / 20).toBeLessThan(2.5);

      const written = await writtenCounts(t);
      const replay = await post(t, path, payload);
      expect(replay.body).toMatchObject({ stored: 0, duplicates: 20 });
      // A redelivery writes nothing: no second identify event for the customers, no message, no inbox event.
      expect(await writtenCounts(t)).toEqual(written);

      // Two deliveries at once naming one new person and a person of the first: one conversation each.
      const [a, b] = await Promise.all([
        post(t, path, delivery(['46709999001', people[0]!], 'race-a')),
        post(t, path, delivery(['46709999001', people[1]!], 'race-b')),
      ]);
      expect([a.body, b.body]).toMatchObject([
        { stored: 2, duplicates: 0 },
        { stored: 2, duplicates: 0 },
      ]);

      const db = t.hub.database.db;
      const perCustomer = await rows<{ n: number; messages: number; unread: number }>(
        db,
        sql`select count(*)::int as n, sum(message_count)::int as messages, sum(unread_count)::int as unread
          from inbox_conversations where merged_into is null group by customer_id order by 1 desc`,
      );
      expect(perCustomer).toHaveLength(21);
      expect(perCustomer.every((r) => r.n === 1)).toBe(true);
      expect(perCustomer.reduce((s, r) => s + r.messages, 0)).toBe(24);
      expect(perCustomer.map((r) => r.messages).sort()).toEqual([...Array(18).fill(1), 2, 2, 2]);
      const [stored] = await rows<{ n: number }>(db, sql`select count(*)::int as n from inbox_messages`);
      expect(stored!.n).toBe(24);
      const [opened] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from events where type = 'inbox.conversation_opened'`,
      );
      expect(opened!.n).toBe(21);
    });

    it('files the deliveries that arrive while a batch is written together, in the next batch', async () => {
      const phoneId = '106540352248888';
      const path = await whatsappAccount('RT WhatsApp coalesced', phoneId, 'rt-2');
      const original = pg.Client.prototype.query;
      let batchWrites = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
        if (/^\s*with ins as \(\s*insert into inbox_conversations/.test(text)) batchWrites++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      let replies: Array<Awaited<ReturnType<typeof post>>>;
      try {
        replies = await Promise.all(
          Array.from({ length: 6 }, (_, d) =>
            post(
              t,
              path,
              delivery(
                Array.from({ length: 5 }, (_, i) => `4671${String(7_000_000 + d * 10 + i)}`),
                `co-${d}`,
                phoneId,
              ),
            ),
          ),
        );
      } finally {
        pg.Client.prototype.query = original;
      }
      for (const r of replies)
        expect(r.body, JSON.stringify(r.body)).toMatchObject({ stored: 5, duplicates: 0 });
      // The first delivery is written alone; the five that came while it was written go in one batch.
      // Batches side by side (three at once) wrote at least three times for the same messages.
      if (t.kind === 'postgres') expect(batchWrites).toBeLessThanOrEqual(2);
    });

    it('files a web chat message retried with the same Idempotency-Key once, with one identify', async () => {
      const channel = await t.api('POST', '/api/channels', {
        body: { code: `rt-web-${t.kind}`, name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      const key = await t.api('POST', '/api/keys', {
        body: { name: 'rt-storefront', kind: 'publishable', channelId: channel.body.id },
      });
      const send = () =>
        t.api('POST', '/api/chat/messages', {
          key: key.body.secret,
          body: { text: 'Is the blue one in stock?', anonymousId: `anon-rt-${t.kind}` },
          headers: { 'idempotency-key': `rt-chat-${t.kind}` },
        });
      const first = await send();
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const written = await writtenCounts(t);
      const again = await send();
      expect(again.status).toBe(201);
      expect(again.body.message.id).toBe(first.body.message.id);
      expect(await writtenCounts(t)).toEqual(written);
    });
  },
  { engines: ['pglite', 'postgres'] },
);
