// Where the embedded hub's time per Segment event goes on PGlite, which runs PostgreSQL (WebAssembly)
// on the hub's own thread: the ingest scenario's batches (100 mixed events) sent 8 at a time to an
// in-process hub on a fresh PGlite data directory, then per event: this process's CPU, and for each
// statement text its executions and the time spent inside PGlite's engine (execProtocolRawSync: the
// WebAssembly and its file system), the rest being JavaScript (the hub, PGlite's protocol, GC).
// `npx tsx bench/ingest-pglite-profile.ts [batches] [warm batches]`. A diagnosis aid, not a scenario.
import { startInProcessHub } from './in-process-hub.js';
import { segmentBatchMaker } from './scenarios/ingest.js';

const batches = Number(process.argv[2] ?? 100);
const warm = Number(process.argv[3] ?? 50);
const adminKey = 'ohk_bench_ingest_pglite_profile_key_000000';

const { hub, database, close } = await startInProcessHub({ adminKey, pglite: true });
const inject = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await hub.http.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
};

// Each PGlite query is several protocol messages (parse, describe, bind, execute, sync); a message
// after a Parse belongs to that Parse's statement.
type Entry = { n: number; engineMs: number; engineCpuMs: number };
const histogram = new Map<string, Entry>();
let current = '';
let measuring = false;
const client = database.pglite as unknown as { execProtocolRawSync(m: Uint8Array): Uint8Array };
const original = client.execProtocolRawSync.bind(client);
const cstring = (m: Uint8Array, from: number) => {
  let end = from;
  while (end < m.length && m[end] !== 0) end++;
  return { text: Buffer.from(m.subarray(from, end)).toString('utf8'), next: end + 1 };
};
client.execProtocolRawSync = (m: Uint8Array) => {
  if (!measuring) return original(m);
  let fresh = false;
  if (m[0] === 0x50 /* P */) {
    const name = cstring(m, 5);
    current = cstring(m, name.next).text.replace(/\s+/g, ' ').trim().slice(0, 90);
    fresh = true;
  } else if (m[0] === 0x51 /* Q */) {
    current = cstring(m, 5).text.replace(/\s+/g, ' ').trim().slice(0, 90);
    fresh = true;
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    return original(m);
  } finally {
    const c = process.cpuUsage(c0);
    const h = histogram.get(current) ?? { n: 0, engineMs: 0, engineCpuMs: 0 };
    if (fresh) h.n++;
    h.engineMs += performance.now() - t0;
    h.engineCpuMs += (c.user + c.system) / 1000;
    histogram.set(current, h);
  }
};

const channel = await inject('/api/channels', {
  code: 'profile-web',
  name: 'Profile webshop',
  type: 'web',
  currency: 'EUR',
  locales: ['en'],
});
const source = await inject('/api/customers/sources', { channelId: channel.body.id, name: 'profile' });
const authorization = `Basic ${Buffer.from(`${source.body.writeKey}:`).toString('base64')}`;
const { makeBatch } = segmentBatchMaker(10_000, 100);
const runBatches = async (count: number) => {
  const bodies = Array.from({ length: count }, () => JSON.stringify(makeBatch()));
  let stored = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let body = bodies.shift(); body; body = bodies.shift()) {
        const r = await inject('/v1/batch', body, { authorization });
        if (r.status !== 200) throw new Error(`batch: ${r.status} ${JSON.stringify(r.body)}`);
        stored += r.body.stored;
      }
    }),
  );
  return stored;
};
const caughtUp = () =>
  Promise.all([hub.insightsProjection.caughtUp(), hub.recommendationsProjection.caughtUp()]);

await runBatches(warm);
await caughtUp();
measuring = true;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const events = await runBatches(batches);
const requestsMs = performance.now() - t0;
await caughtUp();
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
measuring = false;

const per = (ms: number) => Math.round((ms * 1000) / events);
const engineMs = [...histogram.values()].reduce((s, h) => s + h.engineMs, 0);
const engineCpuMs = [...histogram.values()].reduce((s, h) => s + h.engineCpuMs, 0);
const statements = [...histogram.values()].reduce((s, h) => s + h.n, 0);
console.log(
  `${events} events: requests ${Math.round(requestsMs)} ms, consumers caught up at ${Math.round(wallMs)} ms`,
);
console.log(
  `per event: process CPU ${per((cpu.user + cpu.system) / 1000)} us (wall ${per(wallMs)} us), ` +
    `in PGlite's engine ${per(engineMs)} us (CPU ${per(engineCpuMs)} us), statements ${(statements / events).toFixed(3)}`,
);
console.log('\nstatements by engine time (executions, engine us per event, its CPU, us per execution):');
for (const [text, h] of [...histogram].sort((a, z) => z[1].engineMs - a[1].engineMs).slice(0, 30))
  console.log(
    `  ${String(h.n).padStart(6)} ${String(per(h.engineMs)).padStart(6)} ${String(per(h.engineCpuMs)).padStart(6)} ${String(Math.round((h.engineMs * 1000) / Math.max(h.n, 1))).padStart(7)}  ${text}`,
  );
await close();
process.exit(0);
