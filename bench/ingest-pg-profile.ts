// Where PostgreSQL's work per Segment event goes: the ingest scenario's batches (100 mixed events:
// anonymous page/track, identified track, identify linking the two) sent 8 at a time to an in-process
// hub on a fresh database, then per event: statements by text with PostgreSQL's CPU for each, rows
// written per table (pg_stat_user_tables), WAL bytes, backend CPU, and this process's CPU (hub and its
// pg client). `npx tsx bench/ingest-pg-profile.ts [batches] [warm batches]` (TEST_DATABASE_URL).
// EXPLAIN=<start of a statement> explains its 40th execution. A diagnosis aid, not a scenario.

import { printUnitProfile, settle, startProfiledHub } from './pg-statement-profile.js';
import { segmentBatchMaker, segmentSourceAuth } from './scenarios/ingest.js';

const batches = Number(process.argv[2] ?? 200);
// Batches sent before measuring: the bench's 1,500 batches meet each of its 10,000 people 15 times.
const warm = Number(process.argv[3] ?? 100);
const profiled = await startProfiledHub({ adminKey: 'ohk_bench_ingest_profile_admin_key_0000000' });
const { baseUrl } = profiled;
const { authorization: auth } = await segmentSourceAuth(profiled.bench, 'profile-web');
// The ingest scenario's mix (bench/scenarios/ingest.ts).
const { makeBatch } = segmentBatchMaker(10_000, 100);
const send = async (body: string) => {
  const r = await fetch(`${baseUrl}/v1/batch`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body,
  });
  const j = (await r.json()) as { stored: number };
  if (r.status !== 200) throw new Error(`batch: ${r.status} ${JSON.stringify(j)}`);
  return j.stored;
};
const runBatches = async (count: number) => {
  const bodies = Array.from({ length: count }, () => JSON.stringify(makeBatch()));
  let n = 0;
  const worker = async () => {
    for (let body = bodies.shift(); body; body = bodies.shift()) {
      const k = await send(body);
      n += k;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return n;
};
await runBatches(warm);
await settle(2000);
await printUnitProfile(profiled, { short: 'event', long: 'event' }, () => runBatches(batches));
await profiled.close();
process.exit(0);
