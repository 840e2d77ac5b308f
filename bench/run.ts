// `npm run bench -- <scenario> [--db pglite|postgres] [--url http://…] [--key …] [--<arg> value]`
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCH_ADMIN_KEY,
  type BenchDb,
  type BenchOutcome,
  machineInfo,
  type Scenario,
  startHubProcess,
} from './harness.js';

const here = import.meta.dirname;

function parseArgs(argv: string[]) {
  const [scenario, ...rest] = argv;
  const args: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) args[k] = inline;
    else if (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith('--')) args[k] = rest[++i]!;
    else args[k] = 'true';
  }
  return { scenario, args };
}

async function main() {
  const { scenario, args } = parseArgs(process.argv.slice(2));
  const available = readdirSync(join(here, 'scenarios'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3));
  if (!scenario || !available.includes(scenario)) {
    console.error(
      `usage: npm run bench -- <scenario> --db pglite|postgres\nscenarios: ${available.join(', ')}`,
    );
    process.exit(2);
  }
  const db = (args.db ?? 'pglite') as BenchDb;
  if (db !== 'pglite' && db !== 'postgres') throw new Error('--db must be pglite or postgres');
  const mod = (await import(`./scenarios/${scenario}.ts`)) as {
    default: Scenario;
    hubEnv?: Record<string, string>;
  };
  const run = mod.default;
  const log = (m: string) => console.log(`[${scenario}/${db}] ${m}`);

  const external = args.url;
  // A scenario may set hub settings (e.g. allow a loopback webhook receiver) with `export const hubEnv`.
  const hub = external ? undefined : await startHubProcess(db, mod.hubEnv ?? {});
  if (hub) log(`hub started at ${hub.baseUrl}`);
  const started = new Date();
  let outcome: BenchOutcome;
  try {
    outcome = await run({
      scenario,
      db,
      baseUrl: external ?? hub!.baseUrl,
      adminKey: args.key ?? BENCH_ADMIN_KEY,
      args,
      databaseUrl: hub?.databaseUrl ?? process.env.DATABASE_URL,
      log,
    });
  } finally {
    await hub?.stop();
  }
  const result = {
    scenario,
    db,
    ...outcome,
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
    machine: machineInfo(),
  };
  if (result.target) {
    result.target.met =
      result.target.op === '>=' ? result.value >= result.target.value : result.value <= result.target.value;
  }
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${scenario}-${db}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    `# ${scenario} on ${db}`,
    '',
    '| metric | value | p50 ms | p99 ms | correct | target |',
    '|---|---|---|---|---|---|',
    `| ${result.metric} | ${result.value} ${result.unit} | ${result.p50_ms} | ${result.p99_ms} | ${result.correct} | ${
      result.target
        ? `${result.target.op} ${result.target.value} ${result.target.unit} (${result.target.met ? 'met' : 'missed'})`
        : '—'
    } |`,
    '',
    `Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node}. Run at ${result.startedAt}.`,
    '',
    '```json',
    JSON.stringify(result.details, null, 2),
    '```',
    '',
  ].join('\n');
  writeFileSync(`${base}.md`, md);
  console.log(md);
  if (!result.correct) process.exitCode = 1;
}

// Exit once the results are written: a scenario's keep-alive client pools and receivers would
// otherwise hold the process open for minutes.
main().then(
  () => process.exit(),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
