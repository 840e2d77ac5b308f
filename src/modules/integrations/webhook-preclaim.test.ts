// Fan-out with a claim: new subject heads are written already leased to the sending node (sent
// without a claim round trip), the rest queue behind them; a stopping node gives back what it never
// sent, due at once for any node, the attempt not counted.
// Statements that update several leased deliveries lock them in id order, whatever order the ids
// come in and whatever order the rows lie in: a heartbeat's renewal and an outcome's record of the
// same batch run at once on a busy node, and two statements locking shared rows in two orders
// deadlock (PostgreSQL aborts one after a second; an aborted record sends the batch twice).
// PostgreSQL only: PGlite has one connection, so nothing there runs at once.
import pg from 'pg';
import { expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { probeLockOrder } from '../../platform/testing/lock-order-probe.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { type ClaimedDelivery, createWebhooksService, integrationsMigrations } from './index.js';

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

  it('a recorded send hands its subject’s next delivery to the same node; otherwise any node claims it', async () => {
    const { endpoint, secret } = await service.createEndpoint(ctx(), {
      url: 'https://example.com/handoff',
      types: ['test.*'],
    });
    const mine = (d: { endpointId: string }) => d.endpointId === endpoint.id;
    const r = await service.enqueueForEvents(
      ctx(),
      [event(11, 'h'), event(12, 'h'), event(13, 'h'), event(14, 'h')],
      {
        owner: 'node-1',
        leaseMs: 60_000,
      },
    );
    const [first] = r.claimed.filter(mine);
    const delivered = (ds: ClaimedDelivery[]) =>
      ds.map((d) => ({ id: d.id, kind: 'delivered' as const, statusCode: 200 }));
    const lease = { owner: 'node-1', shard: 0 };

    const one = await service.recordOutcomes(ctx(), lease, [first!], delivered([first!]), {
      leaseMs: 60_000,
    });
    expect(one).toMatchObject({ delivered: 1, promoted: 1 });
    expect(one.handedOff.map((d) => JSON.parse(d.body).data.n)).toEqual([12]);
    expect(one.handedOff[0]).toMatchObject({ endpointId: endpoint.id, attempts: 1, secrets: [secret] });
    // Leased to node-1: no other node can claim it.
    expect(
      (await service.claimDeliveries(ctx(), { owner: 'node-2', limit: 10, leaseMs: 60_000 })).filter(mine),
    ).toEqual([]);

    // Without a handoff the next one is made due for any node.
    const two = await service.recordOutcomes(ctx(), lease, one.handedOff, delivered(one.handedOff));
    expect(two).toMatchObject({ delivered: 1, promoted: 1, handedOff: [] });
    const third = (
      await service.claimDeliveries(ctx(), { owner: 'node-2', limit: 10, leaseMs: 60_000 })
    ).filter(mine);
    expect(third.map((d) => JSON.parse(d.body).data.n)).toEqual([13]);

    // A disabled endpoint's next delivery is made pending, never leased (claims skip it until enabled).
    await service.updateEndpoint(ctx(), endpoint.id, { status: 'disabled' });
    const three = await service.recordOutcomes(
      ctx(),
      { owner: 'node-2', shard: 0 },
      third,
      delivered(third),
      {
        leaseMs: 60_000,
      },
    );
    expect(three).toMatchObject({ delivered: 1, promoted: 1, handedOff: [] });
    const page = await service.listDeliveries(ctx(), endpoint.id, { limit: 10 });
    expect(page.items.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'pending']);
  });

  /** Two deliveries leased to node-1, the lower id's row moved behind the higher one's. */
  async function twoLeased(
    client: pg.Client,
    endpointId: string,
    round: number,
  ): Promise<[ClaimedDelivery, ClaimedDelivery]> {
    const r = await service.enqueueForEvents(
      ctx(),
      [event(100 + 2 * round, `a${round}`), event(101 + 2 * round, `b${round}`)],
      {
        owner: 'node-1',
        leaseMs: 60_000,
      },
    );
    const [low, high] = r.claimed
      .filter((d) => d.endpointId === endpointId)
      .sort((a, b) => (a.id < b.id ? -1 : 1)) as [ClaimedDelivery, ClaimedDelivery];
    // A new version of `low` that changes an indexed column (not a HOT update, whose index entries
    // keep pointing at the old place): a scan of the table now meets `high` first.
    await client.query(
      "update webhook_deliveries set next_attempt_at = next_attempt_at + interval '1 millisecond' where id = $1",
      [low.id],
    );
    return [low, high];
  }

  /** Runs `write` for [high, low] while another transaction holds `high`; is `low` locked meanwhile? */
  const lowLockedWhileWaiting = async (
    low: ClaimedDelivery,
    high: ClaimedDelivery,
    write: (ids: ClaimedDelivery[]) => Promise<unknown>,
  ): Promise<boolean> =>
    (
      await probeLockOrder(t.url!, 'webhook_deliveries', { held: high.id, probed: low.id }, () =>
        write([high, low]),
      )
    ).probedLocked;

  it.runIf(t.kind === 'postgres')(
    'a renewal and a recorded outcome lock the lower id before they wait for the higher one',
    async () => {
      const { endpoint } = await service.createEndpoint(ctx(), {
        url: 'https://example.com/locks',
        types: ['test.*'],
      });
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        const [low1, high1] = await twoLeased(client, endpoint.id, 1);
        expect(
          await lowLockedWhileWaiting(low1, high1, (ds) =>
            service.renewClaims(
              ctx(),
              'node-1',
              ds.map((d) => d.id),
              60_000,
            ),
          ),
        ).toBe(true);

        const [low2, high2] = await twoLeased(client, endpoint.id, 2);
        expect(
          await lowLockedWhileWaiting(low2, high2, (ds) =>
            service.recordOutcomes(
              ctx(),
              { owner: 'node-1', shard: 0 },
              ds,
              ds.map((d) => ({ id: d.id, kind: 'delivered' as const, statusCode: 200 })),
            ),
          ),
        ).toBe(true);
        const states = await client.query('select status from webhook_deliveries where id = any($1)', [
          [low2.id, high2.id],
        ]);
        expect(states.rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
      } finally {
        await client.end();
      }
    },
  );
});
