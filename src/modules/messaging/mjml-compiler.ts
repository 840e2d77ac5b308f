// MJML compiles in one worker thread (mjml-worker.mjs), so its load at the first email (~0.3 s of CPU)
// and each compile (~5 ms) never hold up a request, a consumer or a sweeper on the hub's event loop.
// The thread starts at the first compile and ends after a while idle, so its memory returns; at most
// one per process. A thread that dies takes no compile with it: each one it held goes once more to a
// new thread, and fails with a clear error if that one dies too. Why not a pool library: see
// docs/architecture.md (Dependencies and why).
import { Worker } from 'node:worker_threads';

export type CompiledMjml = { html: string; threadId: number };

export type MjmlCompiler = {
  /** The HTML of an MJML source; a markup error rejects with `MJML: <what is wrong>`. */
  compile(source: string): Promise<CompiledMjml>;
  /** Ends the thread now (hub.close()): compiles in flight fail; a later compile starts a new thread. */
  stop(): Promise<void>;
  /** The running thread, if any (its id, resource use; a test ends it as a crash would). */
  thread(): Worker | null;
};

type Reply = { id: number; html: string | null; error: string | null; threadId: number };
type Compile = {
  source: string;
  attempts: number;
  resolve: (c: CompiledMjml) => void;
  reject: (e: Error) => void;
};

const WORKER_FILE = new URL('./mjml-worker.mjs', import.meta.url);
/** Attempts per compile: the first, and one more on a new thread if the first thread died. */
const ATTEMPTS = 2;

export function createMjmlCompiler(opts: { idleMs?: number } = {}): MjmlCompiler {
  const idleMs = opts.idleMs ?? 60_000;
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;
  let nextId = 0;
  const pending = new Map<number, Compile>();

  function start(): Worker {
    // No execArgv: the thread needs no TypeScript loader (tsx) nor the hub's flags.
    const w = new Worker(WORKER_FILE, { execArgv: [] });
    let failure = 'it exited';
    w.on('message', answer);
    w.on('error', (err) => {
      failure = err.message;
    });
    w.on('exit', (code) => {
      if (worker !== w) return; // ended on purpose (idle or stop)
      worker = null;
      lost(`the MJML worker thread died (${failure}, exit code ${code})`);
    });
    return w;
  }

  function post(id: number, c: Compile) {
    c.attempts++;
    clearTimeout(idle);
    worker ??= start();
    worker.ref(); // a compile in flight keeps the process alive; an idle thread does not
    worker.postMessage({ id, source: c.source });
  }

  function answer(r: Reply) {
    const c = pending.get(r.id);
    if (!c) return;
    pending.delete(r.id);
    if (r.html === null) c.reject(new Error(r.error ?? 'MJML: no HTML'));
    else c.resolve({ html: r.html, threadId: r.threadId });
    if (pending.size === 0 && worker) {
      worker.unref();
      idle = setTimeout(end, idleMs).unref();
    }
  }

  /** The thread died with compiles in flight: each goes to a new thread once, then fails. */
  function lost(reason: string) {
    for (const [id, c] of pending) {
      if (c.attempts < ATTEMPTS) post(id, c);
      else {
        pending.delete(id);
        c.reject(new Error(`MJML: ${reason}`));
      }
    }
  }

  function end(): Promise<unknown> {
    clearTimeout(idle);
    const w = worker;
    worker = null;
    return w ? w.terminate() : Promise.resolve();
  }

  return {
    compile(source) {
      return new Promise<CompiledMjml>((resolve, reject) => {
        const id = nextId++;
        const c: Compile = { source, attempts: 0, resolve, reject };
        pending.set(id, c);
        post(id, c);
      });
    },
    async stop() {
      for (const c of pending.values()) c.reject(new Error('MJML: the compiler was stopped'));
      pending.clear();
      await end();
    },
    thread: () => worker,
  };
}

/** The process's one compiler (render.ts); hub.close() stops it. */
export const mjmlCompiler = createMjmlCompiler();
