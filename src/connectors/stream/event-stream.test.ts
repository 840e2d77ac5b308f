// The stream hub's join: an event committed right after a new client's start position must reach
// it, even when the shared reader hands that event out before the client is in the fan-out list.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { expect, it, vi } from 'vitest';
import { deferred } from '../../kernel/index.js';
import { inTransaction } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent, LOG_START } from '../../platform/events/event-log.js';
import { describeEachDatabase, testLog } from '../../platform/testing/test-databases.js';
import { allowTestEvents } from '../../platform/testing/test-events.js';
import { startEventStreamHub } from './event-stream.js';

// The made-up event types these tests append (the log checks every type against a schema).
allowTestEvents('join.after_start', 'leave.replay', 'idle.first_client');

/** A response that keeps what is written and tells a test when a frame with `needle` arrives. */
function fakeResponse() {
  const emitter = new EventEmitter();
  const res = Object.assign(emitter, {
    text: '',
    writableLength: 0,
    destroyed: false,
    write(chunk: string) {
      res.text += chunk;
      emitter.emit('data');
      return true;
    },
    end() {
      res.destroyed = true;
      emitter.emit('close');
    },
    destroy() {
      res.destroyed = true;
      emitter.emit('close');
    },
  });
  const until = (needle: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (res.text.includes(needle)) {
          emitter.off('data', check);
          resolve();
        }
      };
      emitter.on('data', check);
      check();
    });
  return { res, until, response: res as unknown as ServerResponse };
}

/** The text of a drizzle SQL object (its string chunks), to recognise one query among others. */
const sqlText = (query: unknown): string =>
  ((query as { queryChunks?: Array<{ value?: unknown }> }).queryChunks ?? [])
    .map((c) => (Array.isArray(c?.value) ? c.value.join('') : ''))
    .join('');

describeEachDatabase('event stream hub', [], (t) => {
  it('delivers to a joining client an event the shared reader handed out while it was joining', async () => {
    // The next head-of-log query (the joining client's start position) is held after it ran.
    let holdNext = false;
    const held = deferred<void>();
    const release = deferred<void>();
    const db = new Proxy(t.database.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'execute') return value;
        return async (...args: unknown[]) => {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (holdNext && sqlText(args[0]).includes('order by tx_id desc')) {
            holdNext = false;
            held.resolve();
            await release.promise;
          }
          return result;
        };
      },
    });
    const database: Database = { ...t.database, db };
    const hub = startEventStreamHub({ database, log: testLog as never, pollMs: 60_000, heartbeatMs: 60_000 });
    try {
      const first = fakeResponse();
      await hub.connect(() => first.response, { types: ['join.*'], channelId: null }, null);
      holdNext = true;
      const second = fakeResponse();
      const joining = hub.connect(() => second.response, { types: ['join.*'], channelId: null }, null);
      await held.promise; // its start position is read: the event below comes after it
      await inTransaction(t.ctx(), (tx) =>
        appendEvent(tx, { type: 'join.after_start', subject: 's', payload: {} }),
      );
      await first.until('join.after_start'); // the shared reader has handed it out
      release.resolve();
      await joining;
      await second.until('join.after_start');
      expect(second.res.text.match(/^event: join\.after_start$/gm)?.length).toBe(1); // delivered once
    } finally {
      release.resolve();
      await hub.stop();
    }
  });

  it('stops replaying as soon as the client leaves', async () => {
    await inTransaction(t.ctx(), async (tx) => {
      for (let i = 0; i < 2500; i++)
        await appendEvent(tx, { type: 'leave.replay', subject: `s${i}`, payload: {} });
    });
    let pageReads = 0;
    const db = new Proxy(t.database.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'execute') return value;
        return (...args: unknown[]) => {
          if (sqlText(args[0]).includes('from events') && !sqlText(args[0]).includes('order by tx_id desc'))
            pageReads++;
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
    const database: Database = { ...t.database, db };
    const hub = startEventStreamHub({ database, log: testLog as never, pollMs: 60_000, heartbeatMs: 60_000 });
    try {
      const client = fakeResponse();
      client.res.on('data', () => {
        if (client.res.text.includes('leave.replay')) client.res.destroy(); // leaves after its first event
      });
      await hub.connect(() => client.response, { types: ['leave.*'], channelId: null }, LOG_START);
      expect(client.res.text.match(/event: leave\.replay/g)).toHaveLength(1);
      // one replay page (and perhaps the shared reader's); without the check the replay reads all three
      expect(pageReads).toBeLessThanOrEqual(2);
      expect(hub.clients).toBe(0);
    } finally {
      await hub.stop();
    }
  });

  it('caps the open streams of one key and gives a slot back when its stream closes', async () => {
    const hub = startEventStreamHub({
      database: t.database,
      log: testLog as never,
      pollMs: 60_000,
      heartbeatMs: 60_000,
      maxStreamsPerKey: 2,
    });
    try {
      const a = fakeResponse();
      await hub.connect(() => a.response, { types: [], channelId: null }, null, hub.reserve('key_1'));
      const b = hub.reserve('key_1');
      expect(() => hub.reserve('key_1')).toThrow(
        expect.objectContaining({ code: 'rate_limited', status: 429 }),
      );
      expect(() => hub.reserve('key_2').release()).not.toThrow(); // other keys are not affected
      a.res.destroy();
      expect(hub.clients).toBe(0);
      hub.reserve('key_1'); // a's slot came back
      b.release();
    } finally {
      await hub.stop();
    }
  });
  it('sleeps through commits while no client is connected, and follows the log once one is', async () => {
    const hub = startEventStreamHub({
      database: t.database,
      log: testLog as never,
      pollMs: 60_000,
      heartbeatMs: 60_000,
    });
    const waits = vi.spyOn(t.database.notifier, 'wait');
    try {
      // Commits elsewhere in the process: the idle reader is not woken for each (no wait re-armed).
      for (let i = 0; i < 20; i++) {
        t.database.notifier.notify();
        await new Promise((r) => setImmediate(r));
      }
      expect(waits).not.toHaveBeenCalled();
      const client = fakeResponse();
      await hub.connect(() => client.response, { types: ['idle.*'], channelId: null }, null);
      await inTransaction(t.ctx(), (tx) =>
        appendEvent(tx, { type: 'idle.first_client', subject: 's', payload: {} }),
      );
      await client.until('idle.first_client');
    } finally {
      waits.mockRestore();
      await hub.stop();
    }
  });
});
