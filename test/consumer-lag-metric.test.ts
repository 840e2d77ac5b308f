// omnihub_consumer_lag_seconds on /metrics: per consumer, how long the oldest event it has not handled
// has waited (0 once it has caught up). A consumer nobody runs falls behind and shows it.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

const lagOf = (text: string, consumer: string): number | undefined => {
  const m = new RegExp(`^omnihub_consumer_lag_seconds\\{consumer="${consumer}"\\} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
};

describeEachHub('consumer lag metric', (t) => {
  it('reports each consumer: a stalled one by the age of what waits for it, a running one as 0', async () => {
    // A consumer no process runs, its cursor at the log's start.
    await t.hub.database.db.execute(
      sql`insert into consumer_cursors (name, tx_id, position) values ('lag-probe', 0, 0) on conflict (name) do nothing`,
    );
    const created = await t.api('POST', '/api/channels', {
      body: { code: 'lag-web', name: 'Lag web', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    expect(created.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1_200));

    let text = '';
    const deadline = Date.now() + 15_000;
    for (;;) {
      text = String((await t.api('GET', '/metrics', { key: null })).body);
      // The hub's own fan-out catches up and saves its cursor within a second or so.
      if (lagOf(text, 'webhooks-fanout') === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(text).toContain('# TYPE omnihub_consumer_lag_seconds gauge');
    expect(lagOf(text, 'lag-probe')).toBeGreaterThanOrEqual(1);
    expect(lagOf(text, 'lag-probe')).toBeLessThan(600);
    expect(lagOf(text, 'webhooks-fanout')).toBe(0);
  });
});
