// `npm run bench -- growth --db postgres [--scenarios ingest,checkout,…] [--scale 10]`: each scenario
// at 1× and at N× its data (`--scale N`, pre-loaded before the measured window), each run in its own
// process on a fresh hub and database; writes results/growth-<db>.json and .md with, per scenario,
// the data size, throughput, p99, CPU per unit (hub, PostgreSQL) and hub RSS at each scale, and the
// slope: the N× figure over the 1× one. Not part of `all` (the 10× seeds take minutes).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchServerUrl, machineInfo } from './harness.js';
import { calibrateMachine, envWithCalibration, type MachineCalibration } from './machine-calibration.js';
import { runOne } from './run-all.js';

const here = import.meta.dirname;

interface Figures {
  dataSize: string;
  throughput: number | null;
  throughputUnit: string;
  p99_ms: number;
  cpuMsPerUnit: { unit: string; hub: number | null; postgres: number | null };
  hubRssMaxMb: number | null;
  correct: boolean;
  loadAverage1m: { before: number; atEnd: number };
  durationSeconds: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a result file's details differ per scenario
type Result = any;
const ms = (micros: number | null | undefined) => (micros == null ? null : micros / 1000);

/** How each scenario is scaled (its arguments at scale N) and where its figures are in its result. */
const GROWTH: Record<
  string,
  {
    args: (scale: number) => string[];
    dataSize: (r: Result) => string;
    throughput: (r: Result) => [number | null, string];
    cpu: (r: Result) => Figures['cpuMsPerUnit'];
  }
> = {
  ingest: {
    args: (scale) => ['--scale', String(scale), '--no-counts', 'true'],
    dataSize: (r) =>
      `${r.details.preloaded?.customerEvents ?? 0} customer events and ${r.details.preloaded?.logEvents ?? 0} log events before; ${r.details.eventsStored} in the run`,
    throughput: (r) => [r.value, 'events/s'],
    cpu: (r) => ({
      unit: 'event',
      hub: ms(r.details.hubCpuMicrosPerEvent),
      postgres: ms(r.details.dbCpuMicrosPerEvent),
    }),
  },
  checkout: {
    args: (scale) => ['--scale', String(scale), '--no-round-trips', 'true'],
    dataSize: (r) => `${r.details.products} products, ${r.details.earlierOrders} earlier orders`,
    throughput: (r) => [r.value, 'orders/s'],
    cpu: (r) => ({ unit: 'order', ...r.details.cpuMsPerOrderInWindow }),
  },
  'catalog-read': {
    args: (scale) => ['--scale', String(scale)],
    dataSize: (r) => `${r.details.products} products, ${r.details.variants} variants`,
    throughput: (r) => [r.details.requestsPerSecond, 'requests/s'],
    cpu: (r) => ({ unit: 'request', ...r.details.cpuMsPerRequestInWindow }),
  },
  'inventory-hot-sku': {
    args: (scale) => ['--scale', String(scale)],
    dataSize: (r) =>
      r.details.preloaded
        ? `${r.details.preloaded.skus} other SKUs at ${r.details.preloaded.locations} locations, ${r.details.preloaded.movements} earlier movements`
        : '1 SKU at 1 location, no earlier movements',
    throughput: (r) => [r.value, 'reservations/s'],
    cpu: (r) => ({
      unit: 'request',
      hub: ms(r.details.cpu.hubMicrosecondsPerRequest),
      postgres: ms(r.details.cpu.databaseMicrosecondsPerRequest),
    }),
  },
  'inbox-list': {
    args: (scale) => ['--conversations', String(100_000 * scale)],
    dataSize: (r) => `${r.details.conversations} conversations`,
    throughput: (r) => [r.details.requestsPerSecond, 'requests/s'],
    cpu: (r) => ({ unit: 'request', ...r.details.cpuMsPerRequestInWindow }),
  },
};

const DEFAULT_SCENARIOS = ['ingest', 'checkout', 'catalog-read', 'inventory-hot-sku', 'inbox-list'];

function figuresOf(r: Result, g: (typeof GROWTH)[string]): Figures {
  const [throughput, throughputUnit] = g.throughput(r);
  const cpu = g.cpu(r);
  return {
    dataSize: g.dataSize(r),
    throughput,
    throughputUnit,
    p99_ms: r.p99_ms,
    cpuMsPerUnit: { unit: cpu.unit, hub: cpu.hub ?? null, postgres: cpu.postgres ?? null },
    hubRssMaxMb: r.measurement.hubRss?.maxMb ?? null,
    correct: r.correct,
    loadAverage1m: {
      before: r.measurement.loadAverageBeforeStart['1m'],
      atEnd: r.measurement.loadAverage1mAtEnd,
    },
    durationSeconds: r.durationSeconds,
  };
}

const ratio = (big: number | null, small: number | null) =>
  big === null || small === null || small === 0 ? null : Math.round((big / small) * 100) / 100;

export async function runGrowth(args: Record<string, string>): Promise<void> {
  const db = args.db ?? 'postgres';
  if (db !== 'postgres') throw new Error('growth seeds with SQL: --db postgres');
  const scale = Number(args.scale ?? 10);
  const names = args.scenarios?.split(',') ?? DEFAULT_SCENARIOS;
  const unknown = names.filter((n) => !GROWTH[n]);
  if (unknown.length) throw new Error(`no growth recipe for ${unknown.join(', ')}`);
  const started = new Date();
  const loadBefore = loadavg()[0]!;
  const calibration = await calibrateMachine(benchServerUrl());
  const env = envWithCalibration(calibration);
  const rows: Record<string, unknown> = {};
  for (const name of names) {
    const g = GROWTH[name]!;
    const at: Record<string, Figures | { error: string }> = {};
    for (const s of [1, scale]) {
      const t0 = Date.now();
      const code = await runOne(name, ['--db', db, ...g.args(s)], 60 * 60_000, env);
      const file = join(
        here,
        'results',
        `${name}${s === 1 || name === 'inbox-list' ? '' : `-x${s}`}-${db}.json`,
      );
      try {
        const r = JSON.parse(readFileSync(file, 'utf8'));
        if (Date.parse(r.startedAt) < t0 - 1000) throw new Error('no fresh result');
        at[`${s}x`] = figuresOf(r, g);
      } catch (err) {
        at[`${s}x`] = { error: `exit ${code}: ${(err as Error).message}` };
      }
    }
    const [one, big] = [at['1x'], at[`${scale}x`]] as [Figures, Figures];
    rows[name] = {
      ...at,
      slope:
        'error' in one || 'error' in big
          ? null
          : {
              cpuHubPerUnit: ratio(big.cpuMsPerUnit.hub, one.cpuMsPerUnit.hub),
              cpuPostgresPerUnit: ratio(big.cpuMsPerUnit.postgres, one.cpuMsPerUnit.postgres),
              p99: ratio(big.p99_ms, one.p99_ms),
              throughput: ratio(big.throughput, one.throughput),
              hubRssMax: ratio(big.hubRssMaxMb, one.hubRssMaxMb),
            },
    };
    // Written after each scenario: a long run interrupted still leaves what it measured.
    writeGrowth(db, scale, rows, started, loadBefore, calibration);
  }
  console.log(readFileSync(writeGrowth(db, scale, rows, started, loadBefore, calibration), 'utf8'));
}

function writeGrowth(
  db: string,
  scale: number,
  rows: Record<string, unknown>,
  started: Date,
  loadBefore: number,
  calibration: MachineCalibration,
): string {
  const result = {
    db,
    scale,
    note: `each scenario at 1× and ${scale}× its data; slope = the ${scale}× figure ÷ the 1× one`,
    scenarios: rows,
    loadAverage1m: { before: loadBefore, atEnd: Math.round(loadavg()[0]! * 100) / 100 },
    startedAt: started.toISOString(),
    minutes: Math.round((Date.now() - started.getTime()) / 6000) / 10,
    machine: { ...machineInfo(), calibration },
  };
  const base = join(here, 'results', `growth-${db}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, growthMarkdown(result, scale));
  return `${base}.md`;
}

function growthMarkdown(
  result: { scenarios: Record<string, Result>; startedAt: string; minutes: number },
  scale: number,
) {
  const cell = (f: Figures | { error: string }) =>
    'error' in f
      ? [f.error, '', '', '', '', '']
      : [
          f.dataSize,
          `${f.throughput} ${f.throughputUnit}`,
          `${f.p99_ms}`,
          `${f.cpuMsPerUnit.hub} / ${f.cpuMsPerUnit.postgres} per ${f.cpuMsPerUnit.unit}`,
          `${f.hubRssMaxMb}`,
          `${f.correct ? 'yes' : 'NO'}, load ${f.loadAverage1m.before}→${f.loadAverage1m.atEnd}`,
        ];
  const lines = [
    `# growth on postgres: 1× and ${scale}× the data`,
    '',
    `Run at ${result.startedAt}, ${result.minutes} min. CPU in ms per unit over the measured window (hub / PostgreSQL).`,
    '',
    '| scenario | scale | data | throughput | p99 ms | CPU ms hub / PG | hub RSS max MB | correct, load 1m |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, row] of Object.entries(result.scenarios)) {
    for (const s of ['1x', `${scale}x`]) lines.push(`| ${name} | ${s} | ${cell(row[s]).join(' | ')} |`);
    const k = row.slope;
    if (k)
      lines.push(
        `| ${name} | slope | | ×${k.throughput} | ×${k.p99} | ×${k.cpuHubPerUnit} / ×${k.cpuPostgresPerUnit} | ×${k.hubRssMax} | |`,
      );
  }
  return `${lines.join('\n')}\n`;
}
