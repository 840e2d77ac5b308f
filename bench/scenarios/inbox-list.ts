// inbox-list: an agent's inbox page with `conversations` conversations in the hub (100,000 on
// PostgreSQL, seeded with SQL in the inbox's own shape; on PGlite fewer, through the signed WhatsApp
// webhook): GET /api/inbox/conversations with the filters agents use (status, unassigned, channel
// kind, unread, tag, a second page by cursor) and GET /api/inbox/counts, from several agents at once.
// Target p99 < 50 ms. correct = every page is newest first and holds only what its filter asks, the
// cursor's next page continues where the first stopped, and the counts add up to what was seeded.
import { loadavg } from 'node:os';
import pg from 'pg';
import { cpuWindow } from '../cpu-usage.js';
import { api, type BenchContext, percentile, type Scenario } from '../harness.js';
import { metaPayload, postMeta, setupInboxChannels } from '../inbox-setup.js';

const KINDS = ['web_chat', 'email', 'messenger', 'instagram', 'whatsapp', 'sms'];
const STATUSES = ['open', 'open', 'pending', 'snoozed', 'resolved', 'resolved', 'resolved'];

/** One statement: n conversations spread over statuses, kinds, assignees, tags and two years. */
async function seedSql(databaseUrl: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into inbox_conversations (id, customer_id, status, assignee_id, subject, channel_kinds,
         last_inbound_channel, tags, unread_count, message_count, reply_token, last_message_at,
         last_inbound_at, created_at, updated_at)
       select 'conv_bench' || lpad(g::text, 8, '0'),
              'cus_bench' || g,
              ($2::text[])[1 + g % 7],
              case when g % 3 = 0 then null else 'agent-' || (g % 12) end,
              'Question ' || g,
              array[($1::text[])[1 + g % 6]],
              ($1::text[])[1 + g % 6],
              case when g % 10 = 0 then array['vip'] else array[]::text[] end,
              case when g % 4 = 0 then 1 + g % 3 else 0 end,
              1 + g % 9,
              md5(g::text || 'bench'),
              now() - (g * interval '37 seconds'),
              now() - (g * interval '37 seconds'),
              now() - (g * interval '37 seconds'),
              now()
       from generate_series(1, $3::int) g`,
      [KINDS, STATUSES, n],
    );
    await client.query('analyze inbox_conversations');
  } finally {
    await client.end();
  }
}

/** PGlite: no outside connection, so conversations come in as WhatsApp deliveries of 50 new people. */
async function seedWebhooks(b: BenchContext, n: number): Promise<void> {
  const bench = await setupInboxChannels(b);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const people = Array.from({ length: Math.min(50, n - next) }, () => next++);
        const r = await postMeta(b, bench.paths.whatsapp, metaPayload('whatsapp', people, 'Hello'));
        if (r.status !== 200) throw new Error(`seed: ${r.status}`);
      }
    }),
  );
}

interface Page {
  items: Array<{
    id: string;
    status: string;
    assigneeId: string | null;
    channelKinds: string[];
    tags: string[];
    unreadCount: number;
    lastMessageAt: string;
  }>;
  nextCursor: string | null;
}

function pageIsRight(page: Page, q: Record<string, string>): boolean {
  const times = page.items.map((c) => Date.parse(c.lastMessageAt));
  const sorted = times.every((t, i) => i === 0 || times[i - 1]! >= t);
  const fits = page.items.every(
    (c) =>
      (!q.status || c.status === q.status) &&
      (q.assignee !== 'none' || c.assigneeId === null) &&
      (!q.channelKind || c.channelKinds.includes(q.channelKind)) &&
      (!q.tag || c.tags.includes(q.tag)) &&
      (q.unread !== 'true' || c.unreadCount > 0),
  );
  return sorted && fits && page.items.length > 0;
}

const scenario: Scenario = async (b) => {
  const sqlSeed = b.db === 'postgres' && !!b.databaseUrl;
  const n = Number(b.args.conversations ?? (sqlSeed ? 100_000 : 5_000));
  const requests = Number(b.args.requests ?? 2_000);
  const agents = Number(b.args.agents ?? 8);
  const seedStarted = performance.now();
  if (sqlSeed) await seedSql(b.databaseUrl!, n);
  else await seedWebhooks(b, n);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  b.log(`seeded ${n} conversations in ${Math.round(seedSeconds)} s`);

  const queries: Array<Record<string, string>> = [
    { status: 'open' },
    { status: 'open', assignee: 'none' },
    { channelKind: 'whatsapp' },
    { status: 'open', unread: 'true' },
    ...(sqlSeed ? [{ status: 'pending', assignee: 'agent-5' }, { tag: 'vip' }] : []),
  ];
  const counts = await api<{ byStatus: Record<string, number>; unread: number; unassigned: number }>(
    b,
    'GET',
    '/api/inbox/counts',
  );
  const total = Object.values(counts.body.byStatus).reduce((s, x) => s + x, 0);
  let wrong = total === n ? 0 : 1;

  // The second page continues the first: no overlap, still newest first.
  const first = await api<Page>(b, 'GET', '/api/inbox/conversations?status=open&limit=50');
  const second = await api<Page>(
    b,
    'GET',
    `/api/inbox/conversations?status=open&limit=50&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
  );
  const lastOfFirst = Date.parse(first.body.items.at(-1)?.lastMessageAt ?? '0');
  if (!second.body.items.length || Date.parse(second.body.items[0]!.lastMessageAt) > lastOfFirst) wrong++;
  if (second.body.items.some((c) => first.body.items.some((f) => f.id === c.id))) wrong++;

  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const load0 = loadavg()[0]!;
  const window = await cpuWindow(b);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: agents }, async () => {
      while (sent < requests) {
        const i = sent++;
        const counting = i % 5 === 4;
        const q = queries[i % queries.length]!;
        const path = counting
          ? '/api/inbox/counts'
          : `/api/inbox/conversations?${new URLSearchParams({ ...q, limit: '50' })}`;
        const t0 = performance.now();
        const r = await api<Page>(b, 'GET', path);
        latencies.push(performance.now() - t0);
        if (r.status !== 200) failures++;
        else if (!counting && i < queries.length * 3 && !pageIsRight(r.body, q)) wrong++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMsPerRequest = await window.end(requests);
  const p99 = percentile(latencies, 99);
  return {
    metric: 'inbox_page_p99',
    value: p99,
    unit: 'ms',
    p50_ms: percentile(latencies, 50),
    p99_ms: p99,
    correct: failures === 0 && wrong === 0,
    target: { op: '<=', value: 50, unit: 'ms' },
    details: {
      conversations: n,
      seededWith: sqlSeed ? 'SQL (one statement)' : 'signed WhatsApp webhooks',
      seedSeconds: Math.round(seedSeconds),
      requests,
      agents,
      queries,
      countsEvery: 'fifth request',
      requestsPerSecond: Math.round(requests / seconds),
      cpuMsPerRequestInWindow: cpuMsPerRequest,
      failedRequests: failures,
      wrongAnswers: wrong,
      counts: counts.body,
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
