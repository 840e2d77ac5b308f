// Releases expired holds in the background: a small loop that calls expireHolds, whose cutoff comes
// from ctx.clock. Several hub processes may run it; expired rows are claimed with SKIP LOCKED.
import type { Ctx } from '../../platform/context.js';
import { type LoopFailureLog, loopFailureLog } from '../../platform/outage-log.js';

export interface ExpirySweeper {
  stop(): Promise<void>;
}

export function startExpirySweeper(opts: {
  ctx: () => Ctx;
  expireHolds: (ctx: Ctx) => Promise<number>;
  intervalMs?: number;
}): ExpirySweeper {
  const intervalMs = opts.intervalMs ?? 1_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failureLog: LoopFailureLog | undefined;
  const tick = () => {
    if (stopped) return;
    const ctx = opts.ctx();
    failureLog ??= loopFailureLog(ctx.log, 'inventory hold expiry');
    const failures = failureLog;
    running = opts
      .expireHolds(ctx)
      .then((n) => {
        failures.succeeded();
        if (n > 0) ctx.log.info({ expired: n }, 'expired inventory holds released');
      })
      .catch((err) => failures.failed(err))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        }
      });
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
