// The hub deletes delivered webhook rows once OMNIHUB_WEBHOOK_RETENTION_DAYS have passed (by the
// hub's clock), through its periodic job.
import { expect, it } from 'vitest';
import { ManualClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';
import { startWebhookReceiver } from './helpers/webhook-receiver.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

const DAY = 86_400_000;
const clock = new ManualClock('2026-07-01T00:00:00Z');

it('OMNIHUB_WEBHOOK_RETENTION_DAYS defaults to 7 and must be a positive number', () => {
  expect(loadConfig({}).webhookRetentionDays).toBe(7);
  expect(loadConfig({ OMNIHUB_WEBHOOK_RETENTION_DAYS: '0.5' }).webhookRetentionDays).toBe(0.5);
  expect(() => loadConfig({ OMNIHUB_WEBHOOK_RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
  expect(() => loadConfig({ OMNIHUB_WEBHOOK_RETENTION_DAYS: 'week' })).toThrow(/RETENTION_DAYS/);
});

describeEachHub(
  'delivered webhook retention job',
  (t) => {
    it('deletes a delivered row only once the retention has passed', async () => {
      const receiver = await startWebhookReceiver();
      try {
        const channel = await t.api('POST', '/api/channels', {
          body: { code: 'retained', name: 'Retained', type: 'web', currency: 'EUR', locales: ['en'] },
        });
        const ep = await t.api('POST', '/api/webhooks/endpoints', {
          body: { url: receiver.url, types: ['channel.updated'] },
        });
        await t.api('PATCH', `/api/channels/${channel.body.id}`, { body: { name: 'Retained 2' } });
        const list = (status: string) =>
          t
            .api('GET', `/api/webhooks/endpoints/${ep.body.id}/deliveries?status=${status}`)
            .then((r) => r.body.items as Array<{ id: string }>);
        expect(
          await eventually(
            () => list('delivered'),
            (l) => l.length === 1,
          ),
        ).toHaveLength(1);

        clock.advance(2 * DAY);
        await t.hub.jobs.webhookRetention.runNow();
        expect(await list('delivered')).toHaveLength(1);
        clock.advance(1.5 * DAY);
        await t.hub.jobs.webhookRetention.runNow();
        expect(await list('delivered')).toEqual([]);
      } finally {
        await receiver.close();
      }
    });
  },
  { clock, config: { webhookRetentionDays: 3 } },
);
