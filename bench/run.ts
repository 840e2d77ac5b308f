// `npm run bench -- <scenario> [--db pglite|postgres] [--url http://…] [--key …] [--<arg> value]`
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type CpuSnapshot, cpuSnapshot, sampleTreeRss } from './cpu-usage.js';
import { runGrowth } from './growth.js';
import {
  BENCH_ADMIN_KEY,
  type BenchContext,
  type BenchDb,
  type BenchOutcome,
  benchServerUrl,
  machineInfo,
  type Scenario,
  startHubProcess,
} from './harness.js';
import { describeCalibration, machineCalibration } from './machine-calibration.js';
import { runAll } from './run-all.js';

const here = import.meta.dirname;

/** CPU seconds over the whole scenario (its setup included) and, when it names its units, ms per unit. */
function cpuSpent(a: CpuSnapshot, z: CpuSnapshot, units: BenchOutcome['units']) {
  const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : y - x);
  const spent = {
    hub: diff(a.hubMs, z.hubMs),
    postgres: diff(a.postgresMs, z.postgresMs),
    loadGenerator: z.loadGeneratorMs - a.loadGeneratorMs,
  };
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);
  const per = (ms: number | null) =>
    ms === null || !units?.count ? null : Math.round((ms / units.count) * 1000) / 1000;
  return {
    cpuSeconds: {
      hub: seconds(spent.hub),
      postgres: seconds(spent.postgres),
      loadGenerator: seconds(spent.loadGenerator),
      note: 'the whole run, setup included; PostgreSQL = the backends connected at the end (hub pools)',
    },
    ...(units?.count
      ? {
          cpuMsPerUnit: {
            unit: units.name,
            count: units.count,
            hub: per(spent.hub),
            postgres: per(spent.postgres),
            loadGenerator: per(spent.loadGenerator),
          },
        }
      : {}),
  };
}

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
  if (scenario === 'all') return runAll(args);
  if (scenario === 'growth') return runGrowth(args);
  if (!scenario || !available.includes(scenario)) {
    console.error(
      `usage: npm run bench -- <scenario>|all|growth --db pglite|postgres\nscenarios: ${available.join(', ')}`,
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
  // The machine's load before anything of ours runs: figures taken at load 20 are not comparable.
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const calibration = await machineCalibration(db === 'postgres' ? benchServerUrl() : undefined);
  const hub = external ? undefined : await startHubProcess(db, mod.hubEnv ?? {});
  if (hub) log(`hub started at ${hub.baseUrl}`);
  const started = new Date();
  let outcome: BenchOutcome;
  const context = {
    scenario,
    db,
    baseUrl: external ?? hub!.baseUrl,
    adminKey: args.key ?? BENCH_ADMIN_KEY,
    args,
    databaseUrl: hub?.databaseUrl ?? process.env.DATABASE_URL,
    hubPid: hub?.pid,
    log,
  };
  let cpu: ReturnType<typeof cpuSpent> | undefined;
  const rss = hub ? sampleTreeRss(hub.pid, 250) : undefined;
  let hubRss: ReturnType<NonNullable<typeof rss>['stop']> | undefined;
  try {
    const before = await cpuSnapshot(context, hub?.pid);
    outcome = await run(context);
    cpu = cpuSpent(before, await cpuSnapshot(context, hub?.pid), outcome.units);
  } finally {
    hubRss = rss?.stop();
    await hub?.stop();
  }
  const result = {
    scenario,
    db,
    ...outcome,
    measurement: {
      loadAverageBeforeStart: { '1m': loadBefore[0], '5m': loadBefore[1], '15m': loadBefore[2] },
      loadAverage1mAtEnd: Math.round(loadavg()[0]! * 100) / 100,
      ...cpu,
      ...(hubRss ? { hubRss } : {}),
    },
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
    machine: { ...machineInfo(), calibration },
  };
  if (result.target) {
    result.target.met =
      result.target.op === '>=' ? result.value >= result.target.value : result.value <= result.target.value;
  }
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  // A run at more than its base data (--scale N) keeps its own file beside the 1× one.
  const scale = Number(args.scale ?? 1);
  const base = join(dir, `${scenario}${scale > 1 ? `-x${scale}` : ''}-${db}`);
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
    `Machine speed before start: ${describeCalibration(calibration)}.`,
    '',
    `Load average before start: ${result.measurement.loadAverageBeforeStart['1m']} (1 min), at end ${result.measurement.loadAverage1mAtEnd}.`,
    '',
    '```json',
    JSON.stringify(result.measurement, null, 2),
    '```',
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
