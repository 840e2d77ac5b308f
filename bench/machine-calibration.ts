// How fast this machine is at the moment a bench starts, so that figures of different days can be
// read side by side: the 2-core machine's speed has moved by 4× between days (http-baseline 42,060
// req/s on 12-05, 9,857 on 12-07) whatever the build. Three readings, taken in ~1 s before the hub
// starts: a fixed piece of JavaScript (one core's speed), a TCP round trip between two processes on
// loopback (the wake-up every SQL statement and every HTTP request pays), and PostgreSQL's `select 1`.
// The best of several tries is kept: the other core's work delays a try, it never speeds one up.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { processTreeCpuMs } from './cpu-usage.js';
import { percentile } from './harness.js';

export interface MachineCalibration {
  /** Wall ms of a fixed JavaScript workload (JSON, sha256, a sort), best of 7 after 3 untimed. */
  jsWorkMs: number;
  /** Sequential 64-byte round trips to an echo server in another Node process over 127.0.0.1. */
  loopbackRoundTrip: { p50Us: number; cpuUsPerRoundTrip: number };
  /** Sequential `select 1` on one connection (PostgreSQL runs only). */
  postgresSelect1P50Us?: number;
}

const rows = Array.from({ length: 2000 }, (_, i) => ({
  id: `ord_${i.toString(36).padStart(8, '0')}`,
  total: (i * 7919) % 100_000,
  currency: 'EUR',
  lines: [{ sku: `SKU-${i % 97}`, quantity: 1 + (i % 3), unitPrice: (i * 31) % 5000 }],
}));

function jsWorkOnce(): number {
  const started = performance.now();
  let check = 0;
  for (let round = 0; round < 10; round++) {
    const text = JSON.stringify(rows);
    const back = JSON.parse(text) as typeof rows;
    back.sort((a, b) => a.total - b.total || a.id.localeCompare(b.id));
    check ^= createHash('sha256').update(text).digest()[0]!;
  }
  if (check < 0) throw new Error('unreachable');
  return performance.now() - started;
}

const ECHO_SERVER = `
const net = require('node:net');
const server = net.createServer((s) => { s.setNoDelay(true); s.on('data', (d) => s.write(d)); });
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('disconnect', () => process.exit(0));
`;

async function loopbackRoundTrips(count: number): Promise<MachineCalibration['loopbackRoundTrip']> {
  const echo: ChildProcess = spawn(process.execPath, ['-e', ECHO_SERVER], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      echo.once('message', (p) => resolve(Number(p)));
      echo.once('error', reject);
    });
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((resolve) => socket.once('connect', resolve));
    const payload = Buffer.alloc(64, 1);
    const once = () =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        let got = 0;
        const onData = (d: Buffer) => {
          got += d.length;
          if (got < payload.length) return;
          socket.off('data', onData);
          resolve(performance.now() - started);
        };
        socket.on('data', onData);
        socket.write(payload);
      });
    for (let i = 0; i < 50; i++) await once(); // both sides' code warmed
    const cpuBefore = process.cpuUsage();
    const echoBefore = processTreeCpuMs(echo.pid!) ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < count; i++) samples.push(await once());
    const own = process.cpuUsage(cpuBefore);
    const cpuUs = own.user + own.system + ((processTreeCpuMs(echo.pid!) ?? echoBefore) - echoBefore) * 1000;
    socket.destroy();
    return {
      p50Us: Math.round(percentile(samples, 50) * 1000),
      cpuUsPerRoundTrip: Math.round(cpuUs / count),
    };
  } finally {
    echo.kill();
  }
}

async function postgresSelect1(databaseUrl: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const query = { name: 'calibration_select_1', text: 'select 1' };
    for (let i = 0; i < 50; i++) await client.query(query);
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await client.query(query);
      samples.push(performance.now() - started);
    }
    return Math.round(percentile(samples, 50) * 1000);
  } finally {
    await client.end();
  }
}

/** Reads the machine's speed (~1 s); `databaseUrl` adds PostgreSQL's round trip. */
export async function calibrateMachine(databaseUrl?: string): Promise<MachineCalibration> {
  for (let i = 0; i < 3; i++) jsWorkOnce(); // compiled by V8's optimizing tier before the timed tries
  const tries = Array.from({ length: 7 }, jsWorkOnce);
  return {
    jsWorkMs: Math.round(Math.min(...tries) * 10) / 10,
    loopbackRoundTrip: await loopbackRoundTrips(1000),
    ...(databaseUrl ? { postgresSelect1P50Us: await postgresSelect1(databaseUrl, 500) } : {}),
  };
}

/** The environment for scenario runs that take `c` instead of calibrating again (`all`, `growth`). */
export const envWithCalibration = (c: MachineCalibration): NodeJS.ProcessEnv => ({
  ...process.env,
  BENCH_MACHINE_CALIBRATION: JSON.stringify(c),
});

/** The calibration `npm run bench -- all` took once for every scenario it runs, else a new one. */
export async function machineCalibration(databaseUrl?: string): Promise<MachineCalibration> {
  const given = process.env.BENCH_MACHINE_CALIBRATION;
  return given ? (JSON.parse(given) as MachineCalibration) : calibrateMachine(databaseUrl);
}

/** One line for a result's .md and the `all` summary. */
export const describeCalibration = (c: MachineCalibration): string =>
  `JavaScript workload ${c.jsWorkMs} ms, loopback round trip p50 ${c.loopbackRoundTrip.p50Us} µs (${c.loopbackRoundTrip.cpuUsPerRoundTrip} µs of CPU)` +
  (c.postgresSelect1P50Us === undefined ? '' : `, PostgreSQL select 1 p50 ${c.postgresSelect1P50Us} µs`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2];
  console.log(JSON.stringify(await calibrateMachine(url), null, 2));
}
