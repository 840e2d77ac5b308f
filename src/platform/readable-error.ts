// The text of an error that may be shown to an operator or stored as a reason: our own refusals
// (AppError) and plain `Error`s thrown on purpose with a sentence ("not a price: abc") say what
// happened; anything else (a driver error carrying SQL and parameters, a TypeError from a payload of
// an unexpected shape, a stack) is replaced by a fixed sentence, and the caller logs the original.
import { isAppError } from '../kernel/index.js';

const INTERNAL = 'an internal error stopped the processing; the hub log has the details';

/** True when the message was written for people (and carries no SQL, parameters or stack). */
export function isReadableError(err: unknown): err is Error {
  if (isAppError(err)) return true;
  return (
    err instanceof Error &&
    Object.getPrototypeOf(err) === Error.prototype &&
    !('code' in err) &&
    !('query' in err) &&
    !('cause' in err && err.cause !== undefined)
  );
}

/** `err.message` when it is readable, else a fixed sentence. */
export function readableErrorText(err: unknown, internal = INTERNAL): string {
  return isReadableError(err) ? err.message : internal;
}
