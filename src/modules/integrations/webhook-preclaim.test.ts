// Fan-out with a claim: new subject heads are written already leased to the sending node (sent
// without a claim round trip), the rest queue behind them; a stopping node gives back what it never
// sent, due at once for any node, the attempt not counted.
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createWebhooksService, integrationsMigrations } from './index.js';

describeEachDatabase('webhook fan-out with a claim', [integrationsMigrations], (t) => {
  const clock = new ManualClock('2026-06-01T00:00:00Z');
  const ctx = () => t.ctx({ clock });
  const service = createWebhooksService();
  const event = (n: number, subject: string): StoredEvent => ({
    id: `evt_${n}`,
    position: n,
    txId: 1,
    type: 'test.happened',
    subject,
    channelId: null,
    payload: { n },
    actor: null,
    requestId: null,
    occurredAt: clock.now(),
    recordedAt: clock.now(),
  });

  it('leases new heads to the fan-out node, and a release makes them claimable by any node', async () => {
    const { endpoint, secret } = await service.createEndpoint(ctx(), {
      url: 'https://example.com/hook',
      types: ['test.*'],
    });
    const r = await service.enqueueForEvents(ctx(), [event(1, 'a'), event(2, 'a'), event(3, 'b')], {
      owner: 'node-1',
      leaseMs: 60_000,
    });
    expect(r.queued).toBe(3);
    // One head per subject, in flight for node-1 with the endpoint's secret; the second 'a' waits.
    expect(r.claimed.map((d) => JSON.parse(d.body).subject).sort()).toEqual(['a', 'b']);
    expect(r.claimed[0]).toMatchObject({ endpointId: endpoint.id, attempts: 1, secrets: [secret] });
    expect(await service.claimDeliveries(ctx(), { owner: 'node-2', limit: 10, leaseMs: 60_000 })).toEqual([]);

    await service.releaseClaims(
      ctx(),
      'node-1',
      r.claimed.map((d) => d.id),
    );
    const again = await service.claimDeliveries(ctx(), { owner: 'node-2', limit: 10, leaseMs: 60_000 });
    expect(again.map((d) => d.id).sort()).toEqual(r.claimed.map((d) => d.id).sort());
    expect(again.every((d) => d.attempts === 1)).toBe(true);
  });
});
