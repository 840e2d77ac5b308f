// cold-start: how long the compiled hub takes from `node dist/cli.js serve` to its first 200 on
// /ready, on an empty embedded database (a fresh data directory each run), and the CPU it spent to
// get there (its process tree, from /proc: a figure that holds on a loaded machine, unlike wall
// time). Target (#18): under 1.5 s.
// Usage: tsx bench/cold-start.ts [--runs 5] [--source] [--demo] [--entry other/dist/cli.js] [--data-parent dir]
//   --source: the sources through tsx instead of dist/; --demo: with the demo data;
//   --entry: another build's cli.js (an A/B against a copy of an earlier dist/);
//   --data-parent: where the fresh data directories are made (default: .bench-data/ in the project,
//   where `npm start`'s ./data is; the os temp directory on this machine is a worse place, below).
// A first start writes the image's ~1,150 files. On the bench machine's ext4, creating a file costs
// ~30 µs in one directory and ~1 ms in another (those where many files were deleted shortly
// before: /tmp after test runs, and any directory after a few cold starts), so the run first
// times 200 file creations where it starts the hub and reports them beside the figures.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { processTreeCpuMs } from './cpu-usage.js';
import { freePort, percentile } from './harness.js';
import { calibrateMachine } from './machine-calibration.js';
import { startScriptNodeFlags } from './start-script.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const root = join(import.meta.dirname, '..');
const dataParentAt = args.indexOf('--data-parent');
const dataParent = resolve(dataParentAt >= 0 ? args[dataParentAt + 1]! : join(root, '.bench-data'));
const entryAt = args.indexOf('--entry');
const entry = entryAt >= 0 ? resolve(args[entryAt + 1]!) : join(root, 'dist/cli.js');

async function oneStart(): Promise<{ wallMs: number; cpuMs: number }> {
  const dataDir = mkdtempSync(join(dataParent, 'omnihub-cold-'));
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(flag('source')
        ? ['--import', 'tsx', join(root, 'src/cli.ts')]
        : [...startScriptNodeFlags(root), entry]),
      'serve',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        OMNIHUB_DATA_DIR: dataDir,
        DATABASE_URL: '',
        NATS_URL: '',
        OMNIHUB_DEMO: flag('demo') ? '1' : '0',
        OMNIHUB_WORKERS: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`hub exited with code ${child.exitCode} during start`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/ready`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error('hub not ready within 120 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    const wallMs = performance.now() - started;
    const cpuMs = processTreeCpuMs(child.pid!) ?? Number.NaN;
    return { wallMs, cpuMs };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** µs to create one empty file in a new directory under `parent` (median of 200). */
function fileCreateUs(parent: string): number {
  const dir = mkdtempSync(join(parent, 'create-probe-'));
  try {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      closeSync(openSync(join(dir, `f${i}`), 'w'));
      samples.push((performance.now() - started) * 1000);
    }
    return Math.round(percentile(samples, 50));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(dataParent, { recursive: true });
const createUsBefore = fileCreateUs(dataParent);
const runs = option('runs', 5);
const loadBefore = loadavg()[0]!;
const calibration = await calibrateMachine();
const samples: Array<{ wallMs: number; cpuMs: number }> = [];
for (let i = 0; i < runs; i++) {
  const s = await oneStart();
  samples.push(s);
  console.log(`run ${i + 1}: ready in ${Math.round(s.wallMs)} ms, ${Math.round(s.cpuMs)} ms of CPU`);
}
const median = (xs: number[]) => Math.round(percentile(xs, 50));
console.log(
  JSON.stringify({
    scenario: 'cold-start',
    mode: flag('source') ? 'source' : entry,
    demo: flag('demo'),
    runs,
    medianWallMs: median(samples.map((s) => s.wallMs)),
    medianCpuMs: median(samples.map((s) => s.cpuMs)),
    target: { op: '<=', value: 1500, unit: 'ms' },
    loadAverage1m: {
      before: Math.round(loadBefore * 100) / 100,
      after: Math.round(loadavg()[0]! * 100) / 100,
    },
    machineCalibration: calibration,
    dataParent,
    fileCreateUs: { before: createUsBefore, after: fileCreateUs(dataParent) },
  }),
);
