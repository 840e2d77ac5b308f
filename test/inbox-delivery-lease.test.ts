// Inbox replies being sent hold a short lease that the process heartbeat renews (as webhook
// deliveries do): a live node keeps a slow send however long it takes; a dead node's claimed replies
// are sent by another within LEASE_MS (seconds), not after a minute.
import { expect, it } from 'vitest';
import { ManualClock } from '../src/kernel/index.js';
import { HEARTBEAT_MS, LEASE_MS } from '../src/platform/events/lease-heartbeat.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

// Time moves only when the test says (leases are read against it); the heartbeat's timer is real.
const clock = new ManualClock(new Date());

async function leaseOf(t: TestHub, messageId: string): Promise<Date | null> {
  const r = (await t.hub.database.db.execute(
    `select lease_until from inbox_messages where id = '${messageId}'` as never,
  )) as unknown as { rows: Array<{ lease_until: string | Date | null }> };
  const at = r.rows[0]!.lease_until;
  return at === null ? null : new Date(at);
}

async function statusOf(t: TestHub, messageId: string): Promise<string> {
  const r = (await t.hub.database.db.execute(
    `select status from inbox_messages where id = '${messageId}'` as never,
  )) as unknown as { rows: Array<{ status: string }> };
  return r.rows[0]!.status;
}

/** A customer's message on `kind` and a reply queued to it (straight into the queue, no sender needed). */
async function queuedReply(t: TestHub, kind: 'sms' | 'whatsapp', n: number) {
  const ctx = t.hub.systemCtx();
  const inbound = await t.hub.services.inboxFlow.receiveInbound(ctx, {
    channelKind: kind,
    externalId: `${kind}-in-${n}-${Date.now()}`,
    from: {
      identifierType: kind === 'sms' ? 'phone' : 'whatsapp_id',
      value: `3161234${String(n).padStart(4, '0')}`,
      trust: 'verified',
    },
    text: 'Is my parcel on its way?',
    occurredAt: clock.now(),
  });
  return t.hub.services.inbox.queueOutbound(ctx, {
    conversationId: inbound.conversation.id,
    channelKind: kind,
    authorId: 'agent_lease',
    text: 'It left the warehouse today.',
    address: `3161234${String(n).padStart(4, '0')}`,
  });
}

describeEachHub(
  'inbox reply leases',
  (t) => {
    it('keeps a slow send leased to its live node: the heartbeat renews the short lease', async () => {
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const sends: string[] = [];
      t.hub.services.inboxFlow.registerSender('sms', {
        send: async (_ctx, job) => {
          sends.push(job.message.id);
          if (sends.length === 1) await gate; // the first send hangs until the test lets it go
          return { externalId: `SM-${job.message.id}` };
        },
      });
      try {
        const reply = await queuedReply(t, 'sms', 1);
        await eventually(
          async () => sends.length,
          (n) => n === 1,
        );
        expect(sends).toEqual([reply.id]);
        const claimedAt = clock.now().getTime();
        // Claimed for LEASE_MS, not a minute.
        expect((await leaseOf(t, reply.id))!.getTime()).toBe(claimedAt + LEASE_MS);

        clock.advance(LEASE_MS - 1_000);
        const renewed = clock.now().getTime() + LEASE_MS;
        // The next heartbeat (real time) extends the lease from the clock's now.
        expect(
          await eventually(
            async () => (await leaseOf(t, reply.id))!.getTime(),
            (at) => at === renewed,
            5 * HEARTBEAT_MS,
          ),
        ).toBe(renewed);
        clock.advance(2_000); // past the first lease: without the renewal another node would send it now
        expect(await t.hub.services.inboxFlow.deliverDue(t.hub.systemCtx())).toBe(0);
        expect(sends).toEqual([reply.id]);
        release();
        expect(
          await eventually(
            () => statusOf(t, reply.id),
            (s) => s === 'sent',
          ),
        ).toBe('sent');
        expect(sends).toEqual([reply.id]);
        expect(await leaseOf(t, reply.id)).toBeNull();
      } finally {
        release(); // the hub closes only once the hanging send is let go
      }
    });

    it("sends a dead node's claimed reply once its lease has run out (seconds, not a minute)", async () => {
      const reply = await queuedReply(t, 'whatsapp', 2);
      // A node claims the reply as the delivery loop does and dies before sending: nothing renews it.
      const claimed = await t.hub.services.inbox.claimDueOutbound(t.hub.systemCtx(), {
        limit: 20,
        leaseMs: LEASE_MS,
        kinds: ['whatsapp'],
        owner: 'dead-node',
      });
      expect(claimed.map((j) => j.message.id)).toEqual([reply.id]);
      const sends: string[] = [];
      t.hub.services.inboxFlow.registerSender('whatsapp', {
        send: async (_ctx, job) => {
          sends.push(job.message.id);
          return { externalId: `wamid.${job.message.id}` };
        },
      });
      // This node's heartbeat leaves the dead node's lease alone: it is not sending that reply.
      await new Promise((r) => setTimeout(r, HEARTBEAT_MS + 500));
      expect((await leaseOf(t, reply.id))!.getTime()).toBe(clock.now().getTime() + LEASE_MS);
      clock.advance(LEASE_MS - 1);
      expect(await t.hub.services.inboxFlow.deliverDue(t.hub.systemCtx())).toBe(0);
      expect(sends).toEqual([]);
      clock.advance(2);
      expect(
        await eventually(
          () => statusOf(t, reply.id),
          (s) => s === 'sent',
        ),
      ).toBe('sent');
      expect(sends).toEqual([reply.id]);
      // The stalled node wakes and reports its own outcome: the lease is not its own any more, so
      // the message keeps the outcome of the node that took it over.
      const ctx = t.hub.systemCtx();
      expect(
        await t.hub.services.inbox.markSendFailed(ctx, reply.id, {
          reason: 'late',
          retryAt: null,
          owner: 'dead-node',
        }),
      ).toBe(false);
      await t.hub.services.inbox.renewOutboundLeases(ctx, [reply.id], LEASE_MS, 'dead-node');
      expect(await statusOf(t, reply.id)).toBe('sent');
      expect(await leaseOf(t, reply.id)).toBeNull();
    });
  },
  { clock },
);
