import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { createTtlCache } from './ttl-cache.js';

describe('createTtlCache', () => {
  const clocked = (ttlMs: number, max = 10) => {
    const clock = new ManualClock();
    const cache = createTtlCache<string, string | null>({ ttlMs, max, now: () => clock.now().getTime() });
    return { clock, cache };
  };

  it('serves an entry until its time has passed on the given clock', () => {
    const { clock, cache } = clocked(2_000);
    cache.set('a', 'A');
    clock.advance(2_000);
    expect(cache.get('a')).toBe('A');
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps null as a value: a cached "not found" is a hit', () => {
    const { cache } = clocked(1_000);
    cache.set('gone', null);
    expect(cache.get('gone')).toBeNull();
    expect(cache.get('never')).toBeUndefined();
  });

  it('serves a versioned entry only under the version it was set with', () => {
    const { cache } = clocked(1_000);
    cache.set('a', 'A', 7);
    expect(cache.get('a', 7)).toBe('A');
    expect(cache.get('a', 8)).toBeUndefined();
    // A newer version dropped it: going back does not bring it back.
    expect(cache.get('a', 7)).toBeUndefined();
  });

  it('getOrLoad: callers missing the same key at once share one load, then the entry is served', async () => {
    const { cache } = clocked(1_000);
    let loads = 0;
    let finish!: (v: string) => void;
    const load = () => {
      loads++;
      return new Promise<string>((r) => (finish = r));
    };
    const all = Promise.all([cache.getOrLoad('a', load, 1), cache.getOrLoad('a', load, 1)]);
    finish('A');
    expect(await all).toEqual(['A', 'A']);
    expect(loads).toBe(1);
    expect(await cache.getOrLoad('a', load, 1)).toBe('A');
    expect(loads).toBe(1);
  });

  it('getOrLoad: another version loads on its own; a failed shared load is retried by each waiter', async () => {
    const { cache } = clocked(1_000);
    let loads = 0;
    const slow = (v: string) => () => {
      loads++;
      return new Promise<string>((r) => setTimeout(() => r(v), 5));
    };
    const [v1, v2] = await Promise.all([
      cache.getOrLoad('a', slow('old'), 1),
      cache.getOrLoad('a', slow('new'), 2),
    ]);
    expect([v1, v2, loads]).toEqual(['old', 'new', 2]);

    let attempts = 0;
    const failingOnce = async () => {
      attempts++;
      if (attempts === 1) throw new Error('aborted transaction');
      return 'B';
    };
    const [first, second] = await Promise.allSettled([
      cache.getOrLoad('b', failingOnce),
      cache.getOrLoad('b', failingOnce),
    ]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 'B' });
    // Undefined (not found) is not cached.
    let misses = 0;
    const none = async () => {
      misses++;
      return undefined;
    };
    await cache.getOrLoad('c', none);
    await cache.getOrLoad('c', none);
    expect(misses).toBe(2);
  });

  it('keeps at most max entries, dropping the least recently used', () => {
    const { cache } = clocked(1_000, 2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
  });

  it('deletes, clears, and caches nothing at a ttl of 0', () => {
    const { cache } = clocked(1_000);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
    const off = createTtlCache<string, string>({ ttlMs: 0, max: 10 });
    off.set('a', 'A');
    expect(off.get('a')).toBeUndefined();
  });
});
