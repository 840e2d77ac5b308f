import { describe, expect, it } from 'vitest';
import { type Ctx, createContext } from '../context.js';
import type { Database } from '../db/database.js';
import { createLogCachedValue } from './log-cached-value.js';

describe('createLogCachedValue', () => {
  const setUp = () => {
    let t = 0;
    let loads = 0;
    let stored = 'v0';
    const cache = createLogCachedValue({
      changeTypes: ['thing.changed'],
      maxAgeMs: 1_000,
      now: () => t,
      load: async () => {
        loads++;
        return stored;
      },
    });
    const ctx = createContext({} as Database, { clock: { now: () => new Date() }, log: {} as never });
    return {
      cache,
      ctx,
      loads: () => loads,
      store: (v: string) => (stored = v),
      advance: (ms: number) => (t += ms),
    };
  };

  it('loads once and serves the kept value to the batches after', async () => {
    const s = setUp();
    expect(await s.cache.get(s.ctx, { events: [] })).toBe('v0');
    s.store('v1');
    expect(await s.cache.get(s.ctx, { events: [{ type: 'order.created' }] })).toBe('v0');
    expect(s.loads()).toBe(1);
  });

  it('loads again on reading a change event, a resumed cursor, a local invalidation or past maxAgeMs', async () => {
    const s = setUp();
    await s.cache.get(s.ctx);
    s.store('changed elsewhere');
    expect(await s.cache.get(s.ctx, { events: [{ type: 'order.created' }, { type: 'thing.changed' }] })).toBe(
      'changed elsewhere',
    );
    s.store('after a lease moved');
    expect(await s.cache.get(s.ctx, { events: [], resumed: true })).toBe('after a lease moved');
    s.store('committed here');
    s.cache.invalidate();
    expect(await s.cache.get(s.ctx)).toBe('committed here');
    s.store('by hand in SQL');
    s.advance(1_000);
    expect(await s.cache.get(s.ctx)).toBe('committed here');
    s.advance(1);
    expect(await s.cache.get(s.ctx)).toBe('by hand in SQL');
    expect(s.loads()).toBe(5);
  });

  it('does not keep what a load read before an invalidation that came while it ran', async () => {
    let release!: () => void;
    let value = 'old';
    const cache = createLogCachedValue({
      changeTypes: [],
      maxAgeMs: 60_000,
      load: async () => {
        const v = value;
        await new Promise<void>((r) => (release = r));
        return v;
      },
    });
    const ctx = createContext({} as Database, { clock: { now: () => new Date() }, log: {} as never });
    const first = cache.get(ctx);
    value = 'new';
    cache.invalidate(); // a commit landed while the first load was reading
    release();
    expect(await first).toBe('old');
    const second = cache.get(ctx);
    release();
    expect(await second).toBe('new');
  });

  it('reads afresh inside a transaction and keeps nothing from it', async () => {
    const s = setUp();
    const tx = { ...s.ctx, inTx: true } as Ctx;
    await s.cache.get(tx);
    await s.cache.get(tx);
    await s.cache.get(s.ctx);
    expect(s.loads()).toBe(3);
  });
});
