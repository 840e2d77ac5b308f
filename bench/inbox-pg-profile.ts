// Where PostgreSQL's work per inbound message goes: the inbox-ingest mix (Meta deliveries of 20 new
// people, single SMS and web chat) against an in-process hub on a fresh database, then per message:
// statements by text, rows written per table (pg_stat_user_tables), WAL bytes, backend CPU.
// `npx tsx bench/inbox-pg-profile.ts [rounds]` (TEST_DATABASE_URL). A diagnosis aid, not a scenario.
import { metaPayload, postChat, postMeta, postSms, setupInboxChannels } from './inbox-setup.js';
import { printUnitProfile, settle, startProfiledHub } from './pg-statement-profile.js';

const rounds = Number(process.argv[2] ?? 40);
// Rounds sent before measuring: the bench's 400 rounds meet people again after ~78 rounds.
const warm = Number(process.argv[3] ?? 0);
const profiled = await startProfiledHub({ adminKey: 'ohk_bench_inbox_profile_admin_key_00000000' });
const b = profiled.bench;
const bench = await setupInboxChannels(b);
let cursor = 0;
const next = () => (cursor++ * 7919) % 5000;
const jobs: Array<() => Promise<number>> = [];
const runJobs = async () => {
  let n = 0;
  const worker = async () => {
    for (let j = jobs.shift(); j; j = jobs.shift()) {
      const k = await j();
      n += k;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return n;
};
const addRounds = (count: number) => {
  for (let r = 0; r < count; r++) {
    for (const kind of ['messenger', 'instagram', 'whatsapp'] as const)
      jobs.push(
        async () =>
          (
            await postMeta(
              b,
              bench.paths[kind],
              metaPayload(kind, Array.from({ length: 20 }, next), `q ${kind}`),
            )
          ).stored,
      );
    for (let i = 0; i < 2; i++)
      jobs.push(async () => (await postSms(b, bench.paths.sms, next(), 'Is it on its way?')).stored);
    for (let i = 0; i < 2; i++)
      jobs.push(async () => ((await postChat(b, bench.shopKey, next(), 'Hello')).status === 201 ? 1 : 0));
  }
};
// warm-up
await postMeta(b, bench.paths.whatsapp, metaPayload('whatsapp', [999_999], 'warm'));
addRounds(warm);
await runJobs();
await settle(2000);
await printUnitProfile(profiled, { short: 'msg', long: 'message' }, () => {
  addRounds(rounds);
  return runJobs();
});
await profiled.close();
process.exit(0);
