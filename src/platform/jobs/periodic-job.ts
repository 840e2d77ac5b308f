// A background job that runs every interval until stopped: sweepers (expired holds, uncollected
// pickups, journey stages over time). Runs never overlap; a failure is logged and retried next tick.
// Several hub processes may run the same job, so jobs must claim their rows (SKIP LOCKED) or be
// idempotent.
import type { Ctx } from '../context.js';
import { type LoopFailureLog, loopFailureLog } from '../outage-log.js';

export interface PeriodicJob {
  readonly name: string;
  /** Runs once now (awaiting any run in progress first); for tests and admin triggers. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startPeriodicJob(opts: {
  name: string;
  ctx: () => Ctx;
  /** Returns how many things it handled (logged when > 0), or nothing. */
  run: (ctx: Ctx) => Promise<number | unknown>;
  intervalMs: number;
}): PeriodicJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  let failureLog: LoopFailureLog | undefined;
  // A run waiting behind the one in progress: a wake-up meanwhile joins it (it starts after the
  // call, so it sees everything committed before), instead of queueing one run per wake-up.
  let waiting: Promise<void> | undefined;
  const once = (): Promise<void> => {
    if (waiting) return waiting;
    const ctx = opts.ctx();
    failureLog ??= loopFailureLog(ctx.log, `periodic job ${opts.name}`);
    const failures = failureLog;
    const start = () => {
      waiting = undefined;
      return opts.run(ctx);
    };
    running = waiting = running.then(() =>
      start()
        .then((n) => {
          if (typeof n === 'number' && n > 0)
            ctx.log.info({ job: opts.name, handled: n }, 'periodic job ran');
          else if (Array.isArray(n) && n.length > 0)
            ctx.log.info({ job: opts.name, handled: n.length }, 'periodic job ran');
        })
        .then(() => failures.succeeded())
        .catch((err) => failures.failed(err, { job: opts.name })),
    );
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void once().finally(schedule), opts.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    name: opts.name,
    runNow: once,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
