// The MJML compiler's worker thread: compiles run there (the main thread's event loop stays free
// while MJML loads), a markup error is that compile's error, a thread that dies is replaced and its
// compiles go to the new one once (then fail, never hang), an idle thread ends, stop() ends it.
import { performance } from 'node:perf_hooks';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { threadCpuMs } from '../../platform/startup-trace.js';
import { DEFAULT_SETTINGS } from './messaging.service.js';
import { createMjmlCompiler, type MjmlCompiler } from './mjml-compiler.js';
import { emailMjml } from './render.js';

const source = (n: number) =>
  emailMjml(
    DEFAULT_SETTINGS.brand,
    `Subject ${n}`,
    `Body ${n}\n\nSecond paragraph`,
    'Open',
    'https://x.test/',
  );

const started: MjmlCompiler[] = [];
const compiler = (opts: { idleMs?: number } = {}) => {
  const c = createMjmlCompiler(opts);
  started.push(c);
  return c;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((c) => c.stop()));
});

describe('MJML compiler (worker thread)', () => {
  it('compiles in its own thread while the main event loop stays free, one thread for many compiles', async () => {
    const c = compiler();
    const cpu0 = threadCpuMs();
    const elu0 = performance.eventLoopUtilization();
    const first = await c.compile(source(1)); // loads MJML: ~0.3 s of CPU, in the thread
    const elu = performance.eventLoopUtilization(elu0);
    const cpu1 = threadCpuMs();
    expect(first.html).toContain('<table');
    expect(first.html).toContain('Subject 1');
    expect(first.threadId).not.toBe(mainThreadId);
    expect(first.threadId).toBe(c.thread()?.threadId);
    // The CPU the main thread itself spent during the first compile (MJML's load was ~300 ms of it
    // when it loaded here). Its CPU time, not its busy wall time: on a loaded machine the thread
    // waits for a core while busy, and that wait is not work. Without /proc, busy wall time.
    const mainThreadMs = cpu0 === undefined || cpu1 === undefined ? elu.active : cpu1 - cpu0;
    expect(mainThreadMs).toBeLessThan(100);
    const more = await Promise.all([2, 3, 4, 5].map((n) => c.compile(source(n))));
    expect(more.map((m) => m.threadId)).toEqual([
      first.threadId,
      first.threadId,
      first.threadId,
      first.threadId,
    ]);
    expect(more[3]!.html).toContain('Subject 5');
  });

  it('rejects invalid markup with the MJML message, and the thread goes on', async () => {
    const c = compiler();
    const ok = await c.compile(source(1));
    await expect(
      c.compile('<mjml><mj-body><mj-section><mj-column><mj-text colour="red">x</mj-text>'),
    ).rejects.toThrow(/^MJML: .*colour/);
    const after = await c.compile(source(2));
    expect(after.threadId).toBe(ok.threadId);
  });

  it('replaces a thread that dies mid-compile and compiles there once more', async () => {
    const c = compiler();
    const pending = [c.compile(source(1)), c.compile(source(2))];
    const dying = c.thread()!;
    const dead = dying.threadId;
    await dying.terminate(); // as a crash: the compiler did not end it
    const done = await Promise.all(pending);
    expect(done[0]!.html).toContain('Subject 1');
    expect(done[1]!.html).toContain('Subject 2');
    expect(done[0]!.threadId).not.toBe(dead);
    expect(c.thread()?.threadId).toBe(done[0]!.threadId);
  });

  it('fails a compile whose second thread dies too, with a clear error, instead of hanging', async () => {
    const c = compiler();
    const killed = new Set<number>();
    const killer = setInterval(() => {
      const t = c.thread();
      if (t && !killed.has(t.threadId)) {
        killed.add(t.threadId);
        void t.terminate();
      }
    }, 1);
    try {
      await expect(c.compile(source(1))).rejects.toThrow(/^MJML: the MJML worker thread died/);
      expect(killed.size).toBe(2);
    } finally {
      clearInterval(killer);
    }
    // The next compile gets a healthy thread.
    expect((await c.compile(source(2))).html).toContain('Subject 2');
  });

  it('ends the thread after it has been idle, and starts one again at the next compile', async () => {
    const c = compiler({ idleMs: 150 });
    const first = await c.compile(source(1));
    expect(c.thread()).not.toBeNull();
    const exited = new Promise((r) => c.thread()!.once('exit', r));
    await exited;
    expect(c.thread()).toBeNull();
    const again = await c.compile(source(2));
    expect(again.threadId).not.toBe(first.threadId);
  });

  it('stop() ends the thread and fails the compiles in flight', async () => {
    const c = compiler();
    const failed = expect(c.compile(source(1))).rejects.toThrow('MJML: the compiler was stopped');
    const t = c.thread()!;
    const exited = new Promise((r) => t.once('exit', r));
    await c.stop();
    await failed;
    await exited;
    expect(c.thread()).toBeNull();
  });
});
