// `omnihub serve --workers 2` on PostgreSQL, as a real process tree: the primary prepares the
// database once (one bootstrap key, printed once), two workers serve one port, /metrics sums the
// workers, a commit in one worker wakes the other's live streams at once, a killed worker is
// replaced, and SIGTERM to the primary stops everything with exit 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/harness.js';
import { defaultWorkers, loadConfig } from '../src/platform/config.js';
import { createFreshPostgresDatabase, postgresTestUrl } from '../src/platform/testing/test-databases.js';
import { openSse } from './helpers/sse-client.js';

const root = join(import.meta.dirname, '..');
const databaseUrl = postgresTestUrl();

/** Pids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** One GET on its own connection (the primary hands connections to the workers in turn). */
function getOnNewConnection(url: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { authorization: `Bearer ${key}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Retries `check` until it stops throwing, or rethrows its last failure past the timeout. */
async function until(check: () => void | Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('OMNIHUB_WORKERS', () => {
  it('defaults to the cores on PostgreSQL and 1 on the embedded database, which refuses more', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y' }).workers).toBe(
      defaultWorkers(availableParallelism()),
    );
    expect([1, 2, 3, 4, 8].map(defaultWorkers)).toEqual([1, 1, 1, 4, 8]);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', OMNIHUB_WORKERS: '3' }).workers).toBe(3);
    expect(() => loadConfig({ OMNIHUB_WORKERS: '2' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y', OMNIHUB_WORKERS: '0' })).toThrow(
      /OMNIHUB_WORKERS/,
    );
  });
});

if (!databaseUrl) {
  describe('serve --workers', () => {
    it('needs TEST_DATABASE_URL', () => {
      expect(process.env.OMNIHUB_REQUIRE_SERVICES).not.toBe('1');
    });
  });
} else {
  describe('serve --workers 2 on PostgreSQL', () => {
    let drop: (() => Promise<void>) | undefined;
    let child: ChildProcess | undefined;
    afterAll(async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await drop?.();
    });

    it('prepares once, serves from two workers, sums metrics, replaces a dead worker, stops on SIGTERM', async () => {
      const fresh = await createFreshPostgresDatabase(databaseUrl, { migrated: true });
      drop = fresh.drop;
      const port = await freePort();
      child = spawn(process.execPath, [join(root, 'bin/omnihub.js'), 'serve', '--workers', '2'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: fresh.url,
          NATS_URL: '',
          OMNIHUB_DEMO: '0',
          OMNIHUB_ADMIN_KEY: '',
          OMNIHUB_WORKERS: '',
          // Streams look at the log on their own only once a minute: a frame that arrives sooner
          // was woken by the commit, whichever worker made it.
          OMNIHUB_STREAM_POLL_MS: '60000',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
      });
      child.stderr?.on('data', (d) => {
        out += d;
      });
      const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
      const url = `http://127.0.0.1:${port}`;
      await until(() => {
        if (child!.exitCode !== null) throw new Error(`hub exited during start: ${out}`);
        expect(out).toContain('in 2 worker processes');
      }, 90_000);

      // The bootstrap key was made once, by the primary, and printed once.
      const keys = [...out.matchAll(/Admin key {2}(ohk_\S+)/g)].map((m) => m[1]!);
      expect(keys).toHaveLength(1);
      const key = keys[0]!;
      const workers = childrenOf(child.pid!);
      expect(workers).toHaveLength(2);

      // 20 requests on 20 connections, answered by both workers; /metrics counts all of them
      // whichever worker takes the scrape.
      for (let i = 0; i < 20; i++) expect(await getOnNewConnection(`${url}/api/keys`, key)).toBe(200);
      const listed = (await (
        await fetch(`${url}/api/keys`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as { items?: { name: string }[] } | { name: string }[];
      const items = Array.isArray(listed) ? listed : (listed.items ?? []);
      expect(items.filter((k) => k.name === 'bootstrap admin')).toHaveLength(1);
      for (let scrape = 0; scrape < 4; scrape++) {
        const text = await (await fetch(`${url}/metrics`)).text();
        const counted =
          /omnihub_http_request_duration_seconds_count\{method="GET",route="\/api\/keys",status="200"\} (\d+)/.exec(
            text,
          );
        expect(Number(counted?.[1])).toBeGreaterThanOrEqual(21);
      }

      // A commit in either worker wakes the other through the primary (counted on arrival), and
      // with it the live streams of both workers: four streams on four connections (the primary
      // deals connections out in turn) land on both workers.
      const auth = { authorization: `Bearer ${key}` };
      const streams = await Promise.all(
        [0, 1, 2, 3].map(() => openSse(`${url}/api/stream?types=channel.created`, auth)),
      );
      expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200]);
      const wakes = async () =>
        Number(
          /^omnihub_cluster_wakes_total (\d+)/m.exec(await (await fetch(`${url}/metrics`)).text())?.[1] ?? 0,
        );
      const wakesBefore = await wakes();
      try {
        for (let i = 0; i < 4; i++) {
          const created = await fetch(`${url}/api/channels`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({
              code: `wake-${i}`,
              name: `Wake ${i}`,
              type: 'web',
              currency: 'EUR',
              locales: ['en'],
            }),
          });
          expect(created.status).toBe(201);
          // 10 s: generous for a loaded machine, far below the 60 s poll.
          await Promise.all(streams.map((s) => s.waitFor((frames) => frames.length > i, 10_000)));
        }
        // Each commit woke the worker that did not make it (and maybe more: consumers write too).
        expect((await wakes()) - wakesBefore).toBeGreaterThanOrEqual(4);
      } finally {
        for (const s of streams) s.close();
      }

      // A worker that dies is replaced; the port keeps answering meanwhile.
      process.kill(workers[0]!, 'SIGKILL');
      await until(() => {
        const now = childrenOf(child!.pid!);
        expect(now).toHaveLength(2);
        expect(now).not.toContain(workers[0]);
        expect(out.match(/Server listening/g)?.length).toBe(3);
      }, 120_000); // a worker's start from sources takes long on a loaded machine
      expect(await getOnNewConnection(`${url}/api/keys`, key)).toBe(200);

      const t0 = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(out.match(/"msg":"stopped"/g)?.length).toBe(3); // two workers and the primary
      expect(childrenOf(child.pid!)).toEqual([]);
      await expect(fetch(`${url}/ready`)).rejects.toThrow();
    }, 300_000);
  });
}
