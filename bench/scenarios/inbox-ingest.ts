// inbox-ingest: customers' messages on every webhook channel kind, through the real wire formats and
// signatures (Messenger and Instagram deliveries of `batch` messages, WhatsApp deliveries likewise,
// Twilio SMS one per request, web chat one per request), from several clients at once, each message
// resolved to a customer profile and filed on their one open conversation. Target ≥ 2,000 messages/s.
// correct = every request accepted, every message stored once (a replayed delivery stores nothing),
// and a sample of people who wrote on WhatsApp and by SMS (one phone) have one conversation with both.
import { loadavg } from 'node:os';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, percentile, type Scenario } from '../harness.js';
import { inboxRoundTrips } from '../inbox-round-trips.js';
import { metaPayload, postChat, postMeta, postSms, setupInboxChannels, waId } from '../inbox-setup.js';

type Job = 'messenger' | 'instagram' | 'whatsapp' | 'sms' | 'web_chat';
// Per round: a Meta delivery of each kind (batch messages each), then single SMS and chat requests.
const ROUND: Job[] = ['messenger', 'instagram', 'whatsapp', 'sms', 'sms', 'web_chat', 'web_chat'];

const scenario: Scenario = async (b) => {
  const people = Number(b.args.people ?? 5_000);
  const clients = Number(b.args.clients ?? 8);
  const batch = Number(b.args.batch ?? 20);
  const rounds = Number(b.args.rounds ?? (b.db === 'postgres' ? 400 : 100));
  const bench = await setupInboxChannels(b);

  let cursor = 0;
  const nextPeople = (n: number) => Array.from({ length: n }, () => (cursor++ * 7919) % people);
  let lastMeta: { path: string; payload: unknown; count: number } | undefined;
  const onWhatsApp = new Set<number>();
  const bySms = new Set<number>();
  const run = async (job: Job) => {
    if (job === 'sms') {
      // Someone who wrote on WhatsApp already, when there is one: the same phone continues by SMS.
      const p = [...onWhatsApp].find((x) => !bySms.has(x)) ?? nextPeople(1)[0]!;
      bySms.add(p);
      return postSms(b, bench.paths.sms, p, 'Is my order on its way?');
    }
    if (job === 'web_chat') {
      const r = await postChat(b, bench.shopKey, nextPeople(1)[0]!, 'Hello from the shop');
      return { status: r.status === 201 ? 200 : r.status, stored: r.status === 201 ? 1 : 0, duplicates: 0 };
    }
    const who = nextPeople(batch);
    const payload = metaPayload(job, who, `A question on ${job}`);
    lastMeta = { path: bench.paths[job], payload, count: batch };
    const r = await postMeta(b, bench.paths[job], payload);
    // Only once stored: an SMS racing the WhatsApp message of a new person could make a second profile.
    if (job === 'whatsapp') for (const p of who) onWhatsApp.add(p);
    return r;
  };

  await run('whatsapp'); // warm-up (not measured)
  const queue: Job[] = Array.from({ length: rounds }, () => ROUND).flat();
  const perJob = (j: Job) => (j === 'sms' || j === 'web_chat' ? 1 : batch);
  const expected = queue.reduce((s, j) => s + perJob(j), 0);
  let stored = 0;
  let failures = 0;
  const latencies: number[] = [];
  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const load0 = loadavg()[0]!;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t0 = performance.now();
        const r = await run(job);
        latencies.push(performance.now() - t0);
        if (r.status !== 200) failures++;
        stored += r.stored;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];
  const replay = lastMeta ? await postMeta(b, lastMeta.path, lastMeta.payload) : undefined;
  const replayStoredNothing = !!replay && replay.stored === 0 && replay.duplicates === lastMeta!.count;

  // People who wrote on WhatsApp and by SMS: one profile, one conversation with both kinds.
  let checked = 0;
  let split = 0;
  for (const p of [...bySms].filter((x) => onWhatsApp.has(x)).slice(0, 30)) {
    const c = await api<{ items: Array<{ id: string }> }>(b, 'GET', `/api/customers?phone=%2B${waId(p)}`);
    const id = c.body.items[0]?.id;
    if (!id) continue;
    const conv = await api<{ items: Array<{ channelKinds: string[] }> }>(
      b,
      'GET',
      `/api/customers/${id}/conversations`,
    );
    const kinds = new Set(conv.body.items.flatMap((x) => x.channelKinds));
    if (!kinds.has('whatsapp') || !kinds.has('sms')) continue;
    checked++;
    if (conv.body.items.length !== 1) split++;
  }

  // Load-independent: SQL round trips per message on an in-process hub (PostgreSQL only).
  const roundTrips = b.args.roundTrips === 'off' ? null : await inboxRoundTrips(b);
  const perSecond = Math.round(stored / seconds);
  const perMessage = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) * 1000) / Math.max(stored, 1));
  return {
    metric: 'messages_per_second',
    value: perSecond,
    unit: 'messages/s',
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    correct: failures === 0 && stored === expected && replayStoredNothing && checked > 0 && split === 0,
    target: { op: '>=', value: 2_000, unit: 'messages/s' },
    details: {
      people,
      clients,
      metaBatch: batch,
      rounds,
      mix: 'per round: one Messenger, Instagram and WhatsApp delivery of metaBatch messages each, 2 SMS, 2 web chat',
      messagesSent: expected,
      messagesStored: stored,
      seconds: Math.round(seconds * 100) / 100,
      failedRequests: failures,
      replayStoredNothing,
      whatsappSmsPeopleChecked: checked,
      whatsappSmsPeopleSplit: split,
      hubCpuMicrosPerMessage: perMessage(hubCpu0, hubCpu1),
      dbCpuMicrosPerMessage: perMessage(dbCpu0, dbCpu1),
      sqlRoundTrips: roundTrips ?? 'measured on postgres only (PGlite is in-process: no network round trips)',
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
