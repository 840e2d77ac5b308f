// Triggered journeys across hub nodes and node deaths (#15): runs and sends are leased to a node
// for LEASE_MS and renewed on its process heartbeat. Two hubs on one PostgreSQL database sweep and
// deliver a burst of pickup-ready events at once: one message per event, never two, refused (and
// never mailed) for the customers who denied consent. A dead node's leased runs and sends are taken
// over once LEASE_MS has passed (its late writes change nothing); a live node's slow send never is.
import { afterAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { ManualClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { inTransaction } from '../src/platform/context.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { appendEvents } from '../src/platform/events/event-log.js';
import { HEARTBEAT_MS, LEASE_MS } from '../src/platform/events/lease-heartbeat.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import { eventually } from './helpers/eventually.js';
import { startSmtpCapture } from './helpers/smtp-capture.js';
import { describeEachHub, TEST_ADMIN_KEY, type TestHub } from './helpers/test-hub.js';

const smtp = await startSmtpCapture();
afterAll(() => smtp.close());
// Time moves only when the test says (leases are read against it); the heartbeat's timer is real.
const clock = new ManualClock(new Date());

type SendRow = { run_id: string; status: string; reason: string | null; order_number: string; n: number };
async function sends(t: TestHub): Promise<SendRow[]> {
  const r = (await t.hub.database.db.execute(
    `select run_id, status, reason, vars->>'orderNumber' as order_number,
       count(*) over (partition by run_id)::int as n from messaging_sends` as never,
  )) as unknown as { rows: SendRow[] };
  return r.rows;
}

async function leaseOf(t: TestHub, table: 'journey_runs' | 'messaging_sends', id: string) {
  const r = (await t.hub.database.db.execute(
    `select lease_until, lease_owner from ${table} where id = '${id}'` as never,
  )) as unknown as { rows: Array<{ lease_until: string | Date | null; lease_owner: string | null }> };
  const row = r.rows[0]!;
  return { until: row.lease_until === null ? null : new Date(row.lease_until), owner: row.lease_owner };
}

describeEachHub(
  'journeys across nodes',
  (t) => {
    let channelId = '';
    const customers: string[] = [];
    const denied = new Set<string>();
    let orders = 0;

    /** Appends pickup-ready events as the orders flow does, one transaction per batch. */
    async function readyForPickup(customerIds: string[]): Promise<string[]> {
      const batch = customerIds.map((customerId) => {
        const i = orders++;
        const orderId = `ord_jn${String(i).padStart(6, '0')}`;
        return {
          type: 'order.ready_for_pickup',
          subject: orderId,
          channelId,
          payload: {
            orderId,
            orderNumber: `JN-${i}`,
            channelId,
            source: 'native',
            customerId,
            status: 'allocated',
            currency: 'EUR',
            grandTotal: 1000,
            paidAmount: 1000,
            refundedAmount: 0,
            delivery: 'pickup',
            itemCount: 1,
            fulfilmentId: `ful_jn${i}`,
            locationId: 'loc_jn',
            pickupCode: 'H4KM9Q2T',
            email: null,
            phone: null,
          },
        };
      });
      await inTransaction(t.hub.systemCtx(), (tx) => appendEvents(tx, batch));
      return batch.map((e) => e.payload.orderNumber);
    }

    it('sets up a store, customers (half denied consent) and the pickup journey by email', async () => {
      const c = await t.api('POST', '/api/channels', {
        body: { code: 'jn-store', name: 'Store', type: 'store', currency: 'EUR', locales: ['nl'] },
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      channelId = c.body.id;
      const j = await t.api('PUT', '/api/journeys/pickup_ready', {
        body: { enabled: true, delaySeconds: 0, channelOrder: ['email'] },
      });
      expect(j.status, JSON.stringify(j.body)).toBe(200);
      for (let p = 0; p < 8; p++) {
        const r = await t.api('POST', '/api/customers/identify', {
          body: { channelId, identifiers: [{ type: 'email', value: `jn-${t.kind}-${p}@example.test` }] },
        });
        customers.push(r.body.customerId);
        if (p % 2 === 1) {
          const d = await t.api('PUT', `/api/customers/${r.body.customerId}/consent`, {
            body: { purpose: 'transactional', channel: '*', granted: false },
          });
          expect(d.status, JSON.stringify(d.body)).toBe(200);
          denied.add(r.body.customerId);
        }
      }
    });

    it('two nodes on one PostgreSQL database: one message per event, none for a denied customer', async () => {
      if (t.kind !== 'postgres') return;
      let db: Database | undefined;
      let other: Hub | undefined;
      try {
        db = await openDatabase({ databaseUrl: t.url, dataDir: 'memory://' });
        other = await createHub({
          config: {
            ...loadConfig({}),
            port: 0,
            adminKey: TEST_ADMIN_KEY,
            demo: false,
            databaseUrl: t.url,
            natsUrl: undefined,
            smtpUrl: smtp.url,
          },
          clock,
          log: testLog as never,
          database: db,
        });
        const mailsBefore = smtp.mails.length;
        const numbers: string[] = [];
        // 96 events in batches while both nodes sweep and deliver as hard as they can.
        const nodes = [t.hub, other];
        const churn = Promise.all(
          nodes.flatMap((h) =>
            Array.from({ length: 3 }, async () => {
              for (let i = 0; i < 15; i++) {
                await h.services.journeysFlow.sweep(h.systemCtx());
                await h.services.journeysFlow.deliverDue(h.systemCtx());
              }
            }),
          ),
        );
        for (let b = 0; b < 12; b++) numbers.push(...(await readyForPickup(customers)));
        await churn;
        const settled = await eventually(
          () => sends(t),
          (rs) => rs.length === numbers.length && rs.every((r) => r.status !== 'queued'),
          30_000,
        );
        expect(settled).toHaveLength(numbers.length);
        expect(settled.every((r) => r.n === 1)).toBe(true);
        const deniedCount = settled.filter((r) => r.status === 'refused').length;
        expect(deniedCount).toBe(numbers.length / 2);
        expect(settled.filter((r) => r.status === 'sent')).toHaveLength(numbers.length / 2);
        const mails = smtp.mails.slice(mailsBefore);
        expect(mails).toHaveLength(numbers.length / 2);
        const mailed = mails.map((m) => /JN-\d+/.exec(m.raw)?.[0]);
        expect(new Set(mailed).size).toBe(mails.length); // never two for one event
        const deniedEmails = [...denied]
          .map((id) => customers.indexOf(id))
          .map((p) => `jn-${t.kind}-${p}@example.test`);
        expect(mails.some((m) => m.to.some((a) => deniedEmails.includes(a)))).toBe(false);
      } finally {
        await other?.close();
        await db?.close();
      }
    });

    /**
     * Stops this node's background sweeper and delivery job from acting (they call the flow's
     * methods by name), so the test decides who claims what; returns the real ones.
     */
    async function pauseBackground() {
      const flow = t.hub.services.journeysFlow;
      const real = { sweep: flow.sweep, deliverDue: flow.deliverDue };
      flow.sweep = async () => 0;
      flow.deliverDue = async () => 0;
      await new Promise((r) => setTimeout(r, 1_200)); // a run in progress ends
      return {
        ...real,
        resume() {
          Object.assign(flow, real);
        },
      };
    }

    it("takes a dead node's leased runs over once LEASE_MS has passed; its late write changes nothing", async () => {
      const ctx = t.hub.systemCtx();
      const flow = t.hub.services.journeysFlow;
      const real = await pauseBackground();
      try {
        const before = (await sends(t)).length;
        await readyForPickup([customers[0]!]);
        // A node claims the run as its sweep does, and dies: nothing renews its lease.
        const claimed = await eventually(
          () => flow.journeys.claimDue(ctx, 10, 'dead-node'),
          (rs) => rs.length === 1,
        );
        const run = claimed[0]!;
        expect(await leaseOf(t, 'journey_runs', run.id)).toEqual({
          until: new Date(clock.now().getTime() + LEASE_MS),
          owner: 'dead-node',
        });
        // This node's heartbeat leaves the dead node's lease alone.
        await new Promise((r) => setTimeout(r, HEARTBEAT_MS + 500));
        expect((await leaseOf(t, 'journey_runs', run.id)).until).toEqual(
          new Date(clock.now().getTime() + LEASE_MS),
        );
        clock.advance(LEASE_MS - 1);
        expect(await real.sweep(ctx)).toBe(0);
        clock.advance(2);
        expect(await real.sweep(ctx)).toBe(1);
        await real.deliverDue(ctx);
        const after = await sends(t);
        expect(after).toHaveLength(before + 1);
        expect(after.filter((r) => r.run_id === run.id)).toMatchObject([{ status: 'sent', n: 1 }]);
        // The dead node wakes and moves its run on: not its lease any more, so nothing changes.
        expect((await flow.journeys.advanceMany(ctx, [{ run }], 'dead-node')).size).toBe(0);
        expect(await real.sweep(ctx)).toBe(0);
        expect((await sends(t)).filter((r) => r.run_id === run.id)).toHaveLength(1);
      } finally {
        real.resume();
      }
    });

    it("sends a dead node's claimed message once its lease ran out, and keeps a live node's slow send", async () => {
      const ctx = t.hub.systemCtx();
      const flow = t.hub.services.journeysFlow;
      const mailer = flow.deps.mailer;
      const real = await pauseBackground();
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const attempts: string[] = [];
      try {
        await readyForPickup([customers[2]!]);
        expect(
          await eventually(
            () => real.sweep(ctx),
            (n) => n === 1,
          ),
        ).toBe(1);
        // A node claims the message and dies before sending it.
        const [dead] = await flow.messaging.claimDueSends(ctx, 10, 'dead-node');
        expect(dead?.status).toBe('queued');
        clock.advance(LEASE_MS + 1);
        // This node takes it over; its mail hangs until the test lets it go.
        flow.deps.mailer = {
          configured: true,
          send: async (mail) => {
            attempts.push(mail.to);
            await gate;
            return mailer.send(mail);
          },
        };
        const delivering = real.deliverDue(ctx);
        await eventually(
          async () => attempts.length,
          (n) => n === 1,
        );
        expect((await leaseOf(t, 'messaging_sends', dead!.id)).owner).toBe(flow.leaseOwner);
        clock.advance(LEASE_MS - 1_000);
        const renewed = clock.now().getTime() + LEASE_MS;
        // The next heartbeat (real time) extends the lease from the clock's now.
        expect(
          await eventually(
            async () => (await leaseOf(t, 'messaging_sends', dead!.id)).until?.getTime(),
            (at) => at === renewed,
            5 * HEARTBEAT_MS,
          ),
        ).toBe(renewed);
        clock.advance(2_000); // past the first lease: without the renewal another node would send it now
        expect(await flow.messaging.claimDueSends(ctx, 10, 'another-node')).toEqual([]);
        release();
        expect(await delivering).toBe(1);
        expect(attempts).toHaveLength(1);
        expect((await sends(t)).filter((r) => r.run_id === dead!.runId)).toMatchObject([
          { status: 'sent', n: 1 },
        ]);
        // The dead node's late outcome is not recorded: the lease is not its own any more.
        const late = await flow.messaging.finishSends(
          ctx,
          [{ id: dead!.id, status: 'failed', reason: 'late' }],
          'dead-node',
        );
        expect(late.size).toBe(0);
      } finally {
        release();
        flow.deps.mailer = mailer;
        real.resume();
      }
    });
  },
  { clock, config: { smtpUrl: smtp.url }, engines: ['pglite', 'postgres'] },
);
