// A SIGTERM to the process `omnihub serve` runs in (the bin: the compiled hub when built, else the
// sources in the same process) stops it gracefully: a request already in flight is answered, the
// process exits 0 well within 10 s (the MJML worker thread running too), leaves no child behind,
// and the port is closed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/harness.js';

const root = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'omnihub-stop-'));
let started: ChildProcess | undefined;
afterAll(() => {
  // A failed assertion before the SIGTERM leaves the hub running: it is ended here.
  if (started && started.exitCode === null && started.signalCode === null) started.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

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

describe('graceful stop', () => {
  it('SIGTERM: the request in flight is answered, exit 0 within 10 s, no orphan, port closed', async () => {
    const port = await freePort();
    const key = `ohk_${'s'.repeat(43)}`;
    const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/omnihub.js'), 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        OMNIHUB_DATA_DIR: dataDir,
        DATABASE_URL: '',
        NATS_URL: '',
        OMNIHUB_DEMO: '0',
        OMNIHUB_ADMIN_KEY: key,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started = child;
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const url = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`hub exited during start: ${out}`);
      const ok = await fetch(`${url}/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(childrenOf(child.pid!)).toEqual([]);

    // An email preview compiles MJML in the worker thread (found beside dist/'s bundle when built);
    // the stop below must end that thread too.
    const preview = await fetch(`${url}/api/messaging/templates/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'abandoned_cart', locale: 'en' }),
    });
    expect(preview.status).toBe(200);
    const { items } = (await preview.json()) as { items: Array<{ format: string; html: string | null }> };
    expect(items.find((i) => i.format === 'email')?.html).toContain('<table');

    const inFlight = fetch(`${url}/api/channels`, { headers: { authorization: `Bearer ${key}` } });
    await new Promise((r) => setTimeout(r, 5));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(out).toContain('"msg":"stopped"');
    expect(childrenOf(child.pid!)).toEqual([]);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 400_000);
});
