// `npm run bench -- all [--db postgres] [--budget-minutes 15]`: every scenario in turn, each in its
// own process (a fresh hub and database each), within one time budget. A scenario that would start
// past the budget is skipped and named; the summary lists each one's figure, correctness and time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchServerUrl } from './harness.js';
import { calibrateMachine, describeCalibration, envWithCalibration } from './machine-calibration.js';

const here = import.meta.dirname;

/**
 * Every scenario of `scenarios/`, the headline ones first, at sizes that keep the whole set under
 * 15 minutes on the 2-core bench machine; each scenario's own defaults are the full-size runs, which
 * the per-scenario rows of bench/README.md quote.
 */
export const ALL: Array<{ scenario: string; args?: string[] }> = [
  { scenario: 'idle-memory' },
  { scenario: 'http-baseline' },
  { scenario: 'checkout', args: ['--duration', '10'] },
  { scenario: 'inbound-orders', args: ['--orders', '500', '--rate-seconds', '5'] },
  { scenario: 'ingest', args: ['--batches', '600'] },
  { scenario: 'inventory-hot-sku' },
  { scenario: 'inbox-ingest', args: ['--rounds', '150'] },
  { scenario: 'catalog-read', args: ['--products', '3000', '--duration', '10'] },
  { scenario: 'customer-view' },
  { scenario: 'sync-latency', args: ['--sales', '200'] },
  { scenario: 'webhook-throughput' },
  { scenario: 'coupon-race' },
  { scenario: 'wallet-redeem' },
  { scenario: 'pricing' },
  { scenario: 'media-serve', args: ['--duration', '5'] },
  { scenario: 'catalog-search', args: ['--products', '10000', '--duration', '10'] },
  { scenario: 'feed-build', args: ['--products', '5000'] },
  { scenario: 'catalog-import', args: ['--skus', '15000'] },
  { scenario: 'history-import', args: ['--orders', '20000'] },
  { scenario: 'inbox-list', args: ['--conversations', '20000', '--requests', '1000'] },
  { scenario: 'smtp-ingest' },
  { scenario: 'inbox-live', args: ['--probes', '100'] },
  { scenario: 'audience-live', args: ['--people', '1000', '--single', '300'] },
  { scenario: 'journey-trigger' },
  { scenario: 'recommendations', args: ['--orders', '10000', '--duration', '10'] },
  { scenario: 'insights-dashboard', args: ['--events', '100000', '--orders', '10000', '--duration', '10'] },
  { scenario: 'consistency-audit', args: ['--skus', '5000'] },
];

export function runOne(
  scenario: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number | null> {
  return new Promise((resolve) => {
    // In a process group of its own: past the budget the whole group is stopped, the scenario's hub
    // with it (a SIGTERM to the runner alone left its hub serving, and loading later scenarios).
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'run.ts'), scenario, ...args], {
      stdio: 'inherit',
      detached: true,
      env,
    });
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(stop, timeoutMs);
    // The group no longer hears the terminal's Ctrl-C: pass it on.
    const interrupted = () => {
      stop();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    child.once('exit', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      resolve(code);
    });
  });
}

export async function runAll(args: Record<string, string>): Promise<void> {
  const db = args.db ?? 'postgres';
  const budgetMs = Number(args['budget-minutes'] ?? 15) * 60_000;
  const started = Date.now();
  // Taken once for the whole set (each scenario's own would cost ~1 s of the budget), written into each result.
  const calibration = await calibrateMachine(db === 'postgres' ? benchServerUrl() : undefined);
  const env = envWithCalibration(calibration);
  const rows: string[] = [];
  let failed = 0;
  for (const { scenario, args: extra = [] } of ALL) {
    const left = budgetMs - (Date.now() - started);
    if (left < 20_000) {
      rows.push(`| ${scenario} | skipped: the ${budgetMs / 60_000}-minute budget was spent | | |`);
      continue;
    }
    const t0 = Date.now();
    const code = await runOne(scenario, ['--db', db, ...extra], left, env);
    const seconds = Math.round((Date.now() - t0) / 1000);
    let figure = `exit ${code}`;
    let correct = 'no';
    try {
      const r = JSON.parse(readFileSync(join(here, 'results', `${scenario}-${db}.json`), 'utf8'));
      if (Date.parse(r.startedAt) >= t0 - 1000) {
        figure = `${r.value} ${r.unit} (p99 ${r.p99_ms} ms)`;
        correct = r.correct ? 'yes' : 'no';
      }
    } catch {
      // no result written
    }
    if (code !== 0 || correct !== 'yes') failed++;
    rows.push(`| ${scenario} | ${figure} | ${correct} | ${seconds} s |`);
  }
  const minutes = Math.round((Date.now() - started) / 6000) / 10;
  console.log(
    [
      '',
      `## npm run bench -- all (${db}): ${minutes} min`,
      '',
      `Machine speed at the start: ${describeCalibration(calibration)}.`,
      '',
      '| scenario | figure | correct | time |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  if (failed) process.exitCode = 1;
}
