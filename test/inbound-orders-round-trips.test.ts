// Inbound Shopify orders are created in batches: the processor reads a batch's deliveries, decides
// in memory which orders exist and who the buyers are, and writes the batch's orders with a few
// statements, so SQL round trips per imported order stay low. Counted on PostgreSQL by the pg client
// of this process (PGlite is in-process: no network round trips): the statements of the receipt
// requests apart from everything after them (the processor and the consumers its events wake).
import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import pg from 'pg';
import { expect, it } from 'vitest';
import { importBatchStats } from '../src/flows/commerce/import-orders-batch.js';
import { eventually } from './helpers/eventually.js';
import { deliverShopify } from './helpers/shopify-delivery.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const SECRET = 'shpss_rt_0123456789abcdef0123456789abcd';
const BASE_ID = 820982911946154508n;

function orderBody(id: bigint, n: number): string {
  const buyer = n % 7;
  const body = {
    id: 0,
    email: `rt-buyer${buyer}@example.com`,
    created_at: '2026-11-20T10:00:00+01:00',
    currency: 'EUR',
    financial_status: n % 5 === 4 ? 'pending' : 'paid',
    customer: {
      id: 9000 + buyer,
      email: `rt-buyer${buyer}@example.com`,
      first_name: 'Rt',
      last_name: `B${buyer}`,
    },
    line_items: [
      {
        id: 1,
        variant_id: 42,
        sku: `RT-${n % 3}`,
        title: 'Item',
        quantity: 1,
        price: '19.95',
        tax_lines: [],
      },
      {
        id: 2,
        variant_id: 43,
        sku: `RT-${(n + 1) % 3}`,
        title: 'Item 2',
        quantity: 2,
        price: '9.95',
        tax_lines: [],
      },
    ],
    shipping_lines: [{ price: '4.95', title: 'Standard' }],
    shipping_address: {
      name: 'Rt Buyer',
      address1: 'Keizersgracht 1',
      zip: '1015 CJ',
      city: 'Amsterdam',
      country_code: 'NL',
    },
  };
  return JSON.stringify(body).replace('"id":0,', `"id":${id},`);
}

/** A marketplace channel selling from one warehouse that holds `onHand`, and its Shopify connector. */
async function shopifyShop(t: TestHub, code: string, onHand: Record<string, number>) {
  const ctx = t.hub.systemCtx();
  const channelId = (
    await t.api('POST', '/api/channels', {
      body: { code, name: code, type: 'marketplace', currency: 'EUR', locales: ['en'] },
    })
  ).body.id as string;
  const inventory = t.hub.services.inventory;
  const loc = await inventory.createLocation(ctx, { code: `${code}-wh`, name: 'WH', type: 'warehouse' });
  await inventory.setSourcing(ctx, channelId, { locationIds: [loc.id] });
  for (const [sku, quantity] of Object.entries(onHand))
    await inventory.setOnHand(ctx, { sku, locationId: loc.id, quantity });
  const connector = (
    await t.api('POST', '/api/connectors', {
      body: { kind: 'shopify', name: code, secret: SECRET, channelId, locationId: loc.id },
    })
  ).body as { id: string };
  return { channelId, connector };
}

/** One signed orders/create delivery, accepted at the door. */
async function deliver(t: TestHub, connectorId: string, webhookId: string, body: string): Promise<void> {
  const r = await deliverShopify(t, { connectorId, secret: SECRET, body, webhookId });
  expect(r.status).toBe(200);
}

describeEachHub(
  'inbound orders in batches',
  (t) => {
    it('creates a batch of Shopify orders with few statements each, every order as one at a time', async () => {
      const { channelId, connector } = await shopifyShop(t, 'rt-shopify', {
        'RT-0': 1000,
        'RT-1': 1000,
        'RT-2': 1000,
      });

      const n = 60;
      const receipt = new AsyncLocalStorage<boolean>();
      // The test's own polling, counted apart from the hub's work.
      const probe = new AsyncLocalStorage<boolean>();
      let onReceipt = 0;
      let after = 0;
      let wallet = 0;
      let stockLevels = 0;
      const histogram = new Map<string, number>();
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        if (receipt.getStore()) onReceipt++;
        else if (!probe.getStore()) {
          after++;
          const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
          if (text.includes('wallet_')) wallet++;
          // The batch's stock statements: the routing's read of the levels, their lock and their update.
          if (
            /^(select sku, location_id, on_hand, reserved from inventory_levels|with active as|with upd as \( update inventory_levels)/.test(
              text.replace(/\s+/g, ' ').trim(),
            )
          )
            stockLevels++;
          const k = text.replace(/\s+/g, ' ').slice(0, 90);
          histogram.set(k, (histogram.get(k) ?? 0) + 1);
        }
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      // The receipt measured alone (processing paused, so the deliveries wait), then the processing
      // with the consumers its events wake: statements and this process's CPU for each.
      const resume = await t.hub.integration.pauseInbound();
      const batchesBefore = { ...importBatchStats };
      let cpu = process.cpuUsage();
      const cpuMs = () => {
        const d = process.cpuUsage(cpu);
        cpu = process.cpuUsage();
        return (d.user + d.system) / 1000;
      };
      let receiptCpu = 0;
      try {
        // Two ids one apart above 2^53 in each pair; one delivery repeated (same webhook id).
        // Sent 20 at a time, as a shop does at peak, so the processor finds several waiting at once.
        await receipt.run(true, async () => {
          for (let from = 0; from < n; from += 20) {
            await Promise.all(
              Array.from({ length: 20 }, async (_, k) => {
                const i = from + k;
                await deliver(t, connector.id, `rt-${i}`, orderBody(BASE_ID + BigInt(i), i));
              }),
            );
          }
        });
        receiptCpu = cpuMs();
        resume();
        await t.hub.integration.inboundProcessor!.caughtUp();
        await probe.run(true, async () => {
          await eventually(
            async () =>
              (await t.api('GET', `/api/connectors/${connector.id}/deliveries?limit=200`)).body
                .items as Array<{
                status: string;
              }>,
            (items) => items.length === n && items.every((d) => d.status !== 'received'),
          );
          // The wallet ledger's points for every paid order (4 of 5, 44 points each) are in the count.
          await eventually(
            async () => {
              const listed = (await t.api('GET', '/api/orders?limit=200')).body.items as Array<{
                customerId: string;
              }>;
              let lifetime = 0;
              for (const buyer of new Set(listed.map((o) => o.customerId)))
                lifetime += (await t.api('GET', `/api/customers/${buyer}/wallet`)).body.points?.lifetime ?? 0;
              return lifetime;
            },
            (lifetime) => lifetime === (n - n / 5) * 44,
          );
        });
      } finally {
        pg.Client.prototype.query = original;
        resume();
      }
      const afterCpu = cpuMs();
      const batches = importBatchStats.batches - batchesBefore.batches;
      if (t.kind === 'postgres') {
        console.log(
          `inbound orders: hub CPU per order ${(receiptCpu / n).toFixed(2)} ms at the door, ${(afterCpu / n).toFixed(2)} ms after (test process, machine load ${os.loadavg()[0]!.toFixed(1)})`,
        );
        const top = [...histogram].sort((a, b) => b[1] - a[1]).slice(0, 25);
        console.log(
          `inbound orders: receipt ${(onReceipt / n).toFixed(2)}, after ${(after / n).toFixed(2)} statements per order (wallet ${(wallet / n).toFixed(2)}); ${batches} batches, ${stockLevels} stock level statements\n` +
            top.map(([k, v]) => `${(v / n).toFixed(2)}\t${k}`).join('\n'),
        );
      }
      if (t.kind === 'postgres') {
        // One at a time (before batches) this was 56 per order, the receipt apart; the processor's own
        // share is now a few statements per batch. The rest is the consumers its events wake.
        expect(after / n).toBeLessThan(20);
        // The ledger earns a run of paid orders with three wallet statements (one by one: ~5 per order).
        expect(wallet / n).toBeLessThan(0.5);
        // Each batch's stock, whatever its SKUs: one read of the levels for routing, one statement that
        // locks and reads them, one that reserves (one of each per SKU before).
        expect(importBatchStats.alone - batchesBefore.alone).toBe(0);
        expect(batches).toBeGreaterThan(0);
        expect(stockLevels).toBeLessThanOrEqual(3 * batches);
        // One statement per delivery at the door (was ~5.6: connector read, BEGIN, insert, counter,
        // event, COMMIT); the connector is read once. Fewer are seen when a request waits for a pooled
        // connection (the wait loses the request's async context), never more.
        expect(onReceipt / n).toBeLessThanOrEqual(1.1);
      }
      const deliveries = (await t.api('GET', `/api/connectors/${connector.id}/deliveries?limit=200`)).body
        .items as Array<{ status: string; error: string | null }>;
      expect(deliveries.filter((d) => d.status !== 'processed')).toEqual([]);
      const orders = (await t.api('GET', '/api/orders?limit=200')).body.items as Array<Record<string, any>>;
      expect(orders).toHaveLength(n);
      expect(new Set(orders.map((o) => o.externalId)).size).toBe(n);
      // Each order as the one-at-a-time import makes it: stock allocated per line, paid or pending,
      // the buyer found by the shop's customer id and email (one profile per buyer).
      const first = orders.find((o) => o.externalId === String(BASE_ID))!;
      expect(first).toMatchObject({
        status: 'allocated',
        source: 'imported',
        currency: 'EUR',
        paidAmount: 1995 + 2 * 995 + 495,
        totals: { items: 1995 + 2 * 995, shipping: 495, grand: 1995 + 2 * 995 + 495 },
      });
      expect(first.reservationIds).toHaveLength(2);
      const unpaid = orders.find((o) => o.externalId === String(BASE_ID + 4n))!;
      expect(unpaid).toMatchObject({ status: 'pending', paidAmount: 0 });
      const sameBuyer = orders.filter((o) => o.email === 'rt-buyer0@example.com');
      expect(sameBuyer.length).toBeGreaterThan(1);
      expect(new Set(sameBuyer.map((o) => o.customerId)).size).toBe(1);
      expect(sameBuyer[0]!.customerId).toMatch(/^cus_/);
      // 60 orders of 3 units over 3 SKUs: 60 units reserved of each.
      for (let i = 0; i < 3; i++) {
        const sku = (await t.api('GET', `/api/inventory/skus/RT-${i}?channelId=${channelId}`)).body;
        expect(sku.channel.availableToSell).toBe(1000 - n);
      }
      const detail = (await t.api('GET', `/api/orders/${first.id}`)).body;
      expect(detail.fulfilments).toHaveLength(1);
      expect(
        detail.fulfilments[0].lines.map((l: { reservationId: string }) => l.reservationId).sort(),
      ).toEqual([...first.reservationIds].sort());
    }, 180_000);

    it('an order the stock cannot cover is parked alone; the rest of its batch is created', async () => {
      // Each order wants 1 + 2 units: the first SKU has room for one order's line, the second for all.
      const { channelId, connector } = await shopifyShop(t, 'rt-low', { 'RT-0': 1, 'RT-1': 100 });
      await Promise.all(
        [0, 3, 6].map(async (i) => {
          await deliver(t, connector.id, `low-${i}`, orderBody(BASE_ID + 1000n + BigInt(i), i));
        }),
      );
      await t.hub.integration.inboundProcessor!.caughtUp();
      const items = await eventually(
        async () =>
          (await t.api('GET', `/api/connectors/${connector.id}/deliveries?limit=200`)).body.items as Array<{
            status: string;
            error: string | null;
          }>,
        (list) => list.length === 3 && list.every((d) => d.status !== 'received'),
      );
      expect(items.filter((d) => d.status === 'processed')).toHaveLength(1);
      const parked = items.filter((d) => d.status === 'parked');
      expect(parked).toHaveLength(2);
      for (const d of parked) expect(d.error).toMatch(/RT-0/);
      const sku = (await t.api('GET', `/api/inventory/skus/RT-1?channelId=${channelId}`)).body;
      expect(sku.channel.availableToSell).toBe(98);
    }, 120_000);
  },
  { engines: ['pglite', 'postgres'] },
);
