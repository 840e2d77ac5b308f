// Starts `omnihub serve` as a real process on a given database (several nodes share one), for
// multi-node tests; it can be stopped or killed like a crashed node.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../bench/harness.js';

export interface HubProcess {
  baseUrl: string;
  pid: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startHubNode(env: Record<string, string>, attempts = 10): Promise<HubProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (err) {
      // A concurrent test may hold the JetStream subjects for a moment; try again.
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<HubProcess> {
  const port = await freePort();
  const root = join(import.meta.dirname, '../..');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli.ts'), 'serve'],
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
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with code ${child.exitCode} during start`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('hub did not become ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    pid: child.pid!,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
