// What a request's own checks already read, handed once to the code that would read it again.
// The channel rule of `/carts/:id/...` reads the cart to learn its channel; the handler then needs
// the same cart: reading it twice costs a round trip and tells nothing new (both reads happen before
// the request writes anything, outside any transaction). Taking an entry removes it, so a value is
// never served after the request has started to change things. Keyed by the request's ctx object
// (a WeakMap: nothing to clean up when the request ends).
import type { Ctx } from './context.js';

const memos = new WeakMap<object, Map<string, unknown>>();

/** Keeps `value` for this request under `key`, for one later `takeRemembered`. */
export function rememberForRequest(ctx: Ctx, key: string, value: unknown): void {
  let memo = memos.get(ctx);
  if (!memo) {
    memo = new Map();
    memos.set(ctx, memo);
  }
  memo.set(key, value);
}

/** The value remembered under `key` for this request (once: it is forgotten), or undefined. */
export function takeRemembered<T>(ctx: Ctx, key: string): T | undefined {
  const memo = memos.get(ctx);
  if (!memo?.has(key)) return undefined;
  const value = memo.get(key) as T;
  memo.delete(key);
  return value;
}

/** The value remembered under `key` for this request, left for a later `takeRemembered`. */
export function peekRemembered<T>(ctx: Ctx, key: string): T | undefined {
  return memos.get(ctx)?.get(key) as T | undefined;
}

/** The key under which a channel rule leaves the record it read (by kind and the id asked for). */
export const recordMemoKey = (kind: string, id: string): string => `record:${kind}:${id}`;
