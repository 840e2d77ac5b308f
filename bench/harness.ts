// The benchmark harness: starts a hub as a child process on a fresh database (or uses --url), runs a
// named scenario against its HTTP API and writes bench/results/<scenario>-<db>.json plus a markdown
// summary. Targets are checked here, never by timed tests.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFreshPostgresDatabase } from '../src/platform/testing/test-databases.js';
import { startScriptNodeFlags } from './start-script.js';

export type BenchDb = 'pglite' | 'postgres';

export interface BenchContext {
  scenario: string;
  db: BenchDb;
  baseUrl: string;
  adminKey: string;
  /** Extra `--name value` arguments given after the scenario name. */
  args: Record<string, string>;
  /** The database URL the hub uses (postgres only), for scenarios that seed with SQL. */
  databaseUrl: string | undefined;
  /** The hub's process when the bench started it (not with --url): its workers are its children. */
  hubPid?: number | undefined;
  log(message: string): void;
}

export interface BenchOutcome {
  metric: string;
  value: number;
  unit: string;
  p50_ms: number;
  p99_ms: number;
  correct: boolean;
  target?: { op: '>=' | '<='; value: number; unit: string; met?: boolean };
  details: Record<string, unknown>;
  /** The units of work done (orders, events, reservations): the run's CPU is also given per unit. */
  units?: { count: number; name: string };
}

export type Scenario = (b: BenchContext) => Promise<BenchOutcome>;

export const BENCH_ADMIN_KEY = 'ohk_bench_admin_key_00000000000000000000';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export interface StartedHub {
  baseUrl: string;
  databaseUrl: string | undefined;
  /** The hub's process (a cluster's primary: its workers are its children). */
  pid: number;
  stop(): Promise<void>;
}

/** The PostgreSQL server the benches make their databases on. */
export const benchServerUrl = (): string =>
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/** Starts `omnihub serve` in its own process on a fresh database; resolves once /ready answers 200. */
export async function startHubProcess(db: BenchDb, env: Record<string, string> = {}): Promise<StartedHub> {
  let dataDir: string | undefined;
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (db === 'postgres') {
    const fresh = await createFreshPostgresDatabase(benchServerUrl());
    databaseUrl = fresh.url;
    drop = fresh.drop;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'omnihub-bench-'));
  }
  // The bench measures what production runs: the compiled hub under plain node (built when stale).
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../scripts/build.ts'), '--if-stale'],
    {
      stdio: 'inherit',
    },
  );
  const hub = await spawnHub(
    {
      OMNIHUB_ADMIN_KEY: BENCH_ADMIN_KEY,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { OMNIHUB_DATA_DIR: dataDir!, DATABASE_URL: '' }),
      NATS_URL: '',
      // Event payloads are checked against their schemas only in tests and development, never measured.
      OMNIHUB_VALIDATE_EVENTS: '0',
      // Load generators call from one address with one key far beyond a client's budget; the limiter
      // still runs (its cost is measured), with budgets no scenario reaches.
      OMNIHUB_RATE_LIMIT_PER_IP: '1000000000',
      OMNIHUB_RATE_LIMIT_PER_KEY: '1000000000',
      ...env,
    },
    { compiled: true },
  );
  return {
    baseUrl: hub.baseUrl,
    databaseUrl,
    pid: hub.pid,
    async stop() {
      await hub.kill();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await drop?.();
    },
  };
}

export interface SpawnedHub {
  baseUrl: string;
  pid: number;
  /** The hub's log lines (JSON), when spawned with `captureLog`. */
  logLines: string[];
  /** Stops the process (SIGKILL after 8 s); SIGKILL right away simulates a crashed node. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs `omnihub serve` in its own process on a free port; resolves once /ready answers 200. */
export async function spawnHub(
  env: Record<string, string>,
  /** Run dist/cli.js (the production build) instead of the sources through tsx. */
  opts: { compiled?: boolean; captureLog?: boolean } = {},
): Promise<SpawnedHub> {
  const port = await freePort();
  const root = join(import.meta.dirname, '..');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(opts.compiled ? startScriptNodeFlags(root) : []),
      // BENCH_HUB_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the hub process; given
      // after the start script's flags, it overrides them (e.g. --v8-pool-size=4 for an A/B).
      ...(process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...(opts.compiled
        ? // BENCH_HUB_ENTRY runs another build (a copy of an earlier dist/) for an A/B in one sitting.
          [process.env.BENCH_HUB_ENTRY ?? join(root, 'dist/cli.js')]
        : ['--import', 'tsx', join(root, 'src/cli.ts')]),
      'serve',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        OMNIHUB_DEMO: '0',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', opts.captureLog ? 'pipe' : 'ignore', 'inherit'],
    },
  );
  const logLines: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    logLines.push(...parts.filter(Boolean));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_HUB_READY_MS: a longer wait on a machine other work loads (a start took over 60 s at load 30).
  const readyMs = Number(process.env.BENCH_HUB_READY_MS ?? 60_000);
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with code ${child.exitCode} during start`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hub did not become ready within ${readyMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    pid: child.pid!,
    logLines,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export const machineInfo = () => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
});

/** Percentile of a list of millisecond samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[idx]! * 1000) / 1000;
}

/** Authenticated JSON call helper for seeding from scenarios. */
export async function api<T = any>(
  b: Pick<BenchContext, 'baseUrl' | 'adminKey'>,
  method: string,
  path: string,
  body?: unknown,
  key = b.adminKey,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${b.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface JsonReply<T = any> {
  status: number;
  body: T;
}

/**
 * A load generator's HTTP client: node:http over a keep-alive agent (one socket per client), which
 * costs less CPU per request than fetch. A body given as a string is sent as is (serialize before
 * the measured window); the reply's JSON is parsed.
 */
export function keepAliveJsonClient(baseUrl: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(baseUrl);
  const call = <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonReply<T>> => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path,
          method,
          headers: {
            ...(text === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const reply = Buffer.concat(chunks).toString();
              resolve({ status: res.statusCode ?? 0, body: reply ? JSON.parse(reply) : undefined });
            } catch (err) {
              reject(err);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  };
  return { call, close: () => agent.destroy() };
}
