// Background loops (consumers, the stream reader, delivery and push loops, periodic jobs) retry
// every few hundred milliseconds when the database is away. Each used to log the failed statement
// and its stack on every try; this logs one line per state change instead: the first loop to meet
// an unreachable database says so once for the process, the first success after says it is back
// (with how many tries failed meanwhile). Other failures are logged in full, but the same loop's
// same message at most once a minute.
import type { Logger } from './context.js';
import { isDatabaseUnavailable } from './db/database.js';

const REPEAT_AFTER_MS = 60_000;

/** Process-wide: one line when the database goes away, one when it is back. */
const database = { down: false, failures: 0, since: 0 };

export interface LoopFailureLog {
  /** A try failed; logs only what is news. */
  failed(err: unknown, fields?: Record<string, unknown>): void;
  /** A try succeeded (cheap: call it on every success). */
  succeeded(): void;
}

export function loopFailureLog(log: Logger, loop: string): LoopFailureLog {
  let lastMessage = '';
  let lastLoggedAt = 0;
  let suppressed = 0;
  return {
    failed(err, fields = {}) {
      if (isDatabaseUnavailable(err)) {
        database.failures++;
        if (!database.down) {
          database.down = true;
          database.since = Date.now();
          const code =
            (err as { code?: string; cause?: { code?: string } }).code ??
            (err as { cause?: { code?: string } }).cause?.code;
          log.warn({ loop, code, ...fields }, 'database unavailable; background work waits and retries');
        }
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      const now = Date.now();
      if (message === lastMessage && now - lastLoggedAt < REPEAT_AFTER_MS) {
        suppressed++;
        return;
      }
      log.warn(
        { err, loop, ...fields, ...(suppressed ? { repeatsNotLogged: suppressed } : {}) },
        `${loop} failed; retrying`,
      );
      lastMessage = message;
      lastLoggedAt = now;
      suppressed = 0;
    },
    succeeded() {
      if (database.down) {
        log.info(
          { loop, failedTries: database.failures, downForMs: Date.now() - database.since },
          'database available again',
        );
        database.down = false;
        database.failures = 0;
      }
      lastMessage = '';
      suppressed = 0;
    },
  };
}
