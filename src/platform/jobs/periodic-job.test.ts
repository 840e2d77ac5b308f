import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { createContext } from '../context.js';
import type { Database } from '../db/database.js';
import { testLog } from '../testing/test-databases.js';
import { startPeriodicJob } from './periodic-job.js';

const ctx = () => createContext({} as Database, { clock: new ManualClock(), log: testLog });

describe('periodic job', () => {
  it('runs repeatedly, never overlapping, survives failures, and stops', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const job = startPeriodicJob({
      name: 'test',
      ctx,
      intervalMs: 1,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await new Promise((r) => setTimeout(r, 3));
        active--;
        if (runs === 2) throw new Error('transient');
        return 1;
      },
    });
    await job.runNow();
    while (runs < 5) await new Promise((r) => setTimeout(r, 2));
    await job.stop();
    const after = runs;
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(after);
    expect(maxActive).toBe(1);
  });
});
