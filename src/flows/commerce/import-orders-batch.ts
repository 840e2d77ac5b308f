// Imported orders in a batch (inbound marketplace deliveries): decided in memory and written with few
// statements. One read finds those the hub has, one ingestion finds every buyer, one transaction
// routes and reserves the stock of all of them (a batch per SKU), places them with one insert and
// records their payments and fulfilments. An order the batch cannot take (known already, another
// channel or currency, stock that runs out, a race) goes the one-at-a-time way, which gives its
// precise outcome; so does every order of a batch that failed as a whole.
import { AppError, newId } from '../../kernel/index.js';
import type { Order } from '../../modules/orders/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type CommerceDeps, channelOf } from './commerce.deps.js';
import {
  allocationKeyOf,
  buyerOf,
  destinationOf,
  type ImportedOrderInput,
  importedAmounts,
  importedNewOrder,
  recordMarketplaceUses,
} from './import-order.flow.js';
import { routeAndAllocateMany } from './order-stock.js';

export type ImportOutcome = { ok: true; order: Order; created: boolean } | { ok: false; error: unknown };

type ImportOne = (ctx: Ctx, input: ImportedOrderInput) => Promise<{ order: Order; created: boolean }>;

/** Statements written per batch and orders that went one at a time (shown by tests). */
export const importBatchStats = { batches: 0, batched: 0, alone: 0, failedBatches: 0 };

const keyOf = (i: ImportedOrderInput) => `${i.externalSource}\u0000${i.externalId}`;

async function one(ctx: Ctx, single: ImportOne, input: ImportedOrderInput): Promise<ImportOutcome> {
  importBatchStats.alone++;
  try {
    return { ok: true, ...(await single(ctx, input)) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Which inputs the batch takes: new ones of the first input's channel, default routing, its currency. */
async function batchable(deps: CommerceDeps, ctx: Ctx, inputs: ImportedOrderInput[]) {
  const known = await deps.orders.orders.findExternalIds(
    ctx,
    inputs.map((i) => ({ externalSource: i.externalSource, externalId: i.externalId })),
  );
  const seen = new Set(known.map((k) => `${k.externalSource}\u0000${k.externalId}`));
  const channel = await channelOf(deps, ctx, inputs[0]!.channelId).catch(() => undefined);
  const taken: number[] = [];
  for (const [i, input] of inputs.entries()) {
    const fits =
      channel &&
      (input.channelId === channel.id || input.channelId === channel.code) &&
      input.currency === channel.currency &&
      input.routing === undefined &&
      !seen.has(keyOf(input));
    seen.add(keyOf(input));
    if (fits) taken.push(i);
  }
  return { channel, taken };
}

/** The buyers of the orders, found or created in one ingestion; index in `inputs` → customer. */
async function buyers(
  deps: CommerceDeps,
  ctx: Ctx,
  channelId: string,
  inputs: ImportedOrderInput[],
): Promise<Array<string | null>> {
  const owners: number[] = [];
  const events = inputs.flatMap((input, i) => {
    const buyer = buyerOf(input);
    if (!buyer) return [];
    owners.push(i);
    return [
      {
        messageId: newId('msg'),
        kind: 'identify' as const,
        name: null,
        identifiers: buyer.identifiers,
        traits: buyer.traits ?? {},
        properties: buyer.traits ?? {},
        context: {},
        occurredAt: ctx.clock.now(),
        anonymousId: null,
        userId: null,
      },
    ];
  });
  const out: Array<string | null> = inputs.map(() => null);
  if (!events.length) return out;
  const results = await deps.customers.ingest(
    ctx,
    { id: `api:${channelId}`, channelId, sharedDevices: false },
    events,
  );
  results.forEach((r, k) => {
    if (r.status === 'stored') out[owners[k]!] = r.profileId;
  });
  return out;
}

/** Places the batch in one transaction; throws (nothing written) when any of it cannot be placed. */
async function placeBatch(deps: CommerceDeps, ctx: Ctx, channelId: string, inputs: ImportedOrderInput[]) {
  const orderIds = inputs.map(() => newId('ord'));
  // Before the buyers are identified (a write): a browser key may not import a paid order.
  const paid = await Promise.all(
    inputs.map((input, i) =>
      input.paid
        ? deps.payments.authorizePaidElsewhere(ctx, {
            orderId: orderIds[i]!,
            amount: importedAmounts(input).grand,
            currency: input.currency,
          })
        : null,
    ),
  );
  const customers = await buyers(deps, ctx, channelId, inputs);
  return inTransaction(ctx, async (tx) => {
    const stock = await routeAndAllocateMany(
      deps,
      tx,
      channelId,
      inputs.map((input, i) => ({
        orderId: orderIds[i]!,
        lines: input.lines,
        to: destinationOf(input),
        idempotencyKeyOf: allocationKeyOf(input),
      })),
      'nearest_with_stock',
    );
    const placed = await deps.orders.orders.placeOrders(
      tx,
      inputs.map((input, i) => {
        const o = importedNewOrder(input, orderIds[i]!, channelId, customers[i]!, stock[i]!.reservationIds);
        return { input: o.order, opts: o.options };
      }),
    );
    const orders = placed.map((o) => {
      // Placed meanwhile by another node: the whole batch goes one at a time instead.
      if (!o) throw new AppError('order_not_placed', 'an order of the batch was placed meanwhile');
      return o;
    });
    await deps.payments.recordPayments(
      tx,
      orders.flatMap((_, i) => {
        const p = paid[i];
        return p?.ok ? [{ authorized: p.value, channelId }] : [];
      }),
    );
    await deps.orders.fulfilments.planFulfilmentsMany(
      tx,
      orders.map((order, i) => ({ order, plans: stock[i]!.plans })),
    );
    for (const [i, order] of orders.entries())
      await recordMarketplaceUses(deps, tx, order, inputs[i]!.discounts ?? []);
    return orders;
  });
}

/** Imports `inputs`, each getting its outcome in input order (see the file's head). */
export async function importOrdersInBatch(
  deps: CommerceDeps,
  ctx: Ctx,
  inputs: ImportedOrderInput[],
  single: ImportOne,
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  if (inputs.length === 0) return out;
  const { channel, taken } = await batchable(deps, ctx, inputs);
  if (channel && taken.length > 1) {
    try {
      const orders = await placeBatch(
        deps,
        ctx,
        channel.id,
        taken.map((i) => inputs[i]!),
      );
      importBatchStats.batches++;
      importBatchStats.batched += orders.length;
      for (const [k, i] of taken.entries()) out[i] = { ok: true, order: orders[k]!, created: true };
    } catch (err) {
      // One order spoiled the batch (or the database refused it): each on its own, with its own outcome.
      importBatchStats.failedBatches++;
      if (!(err instanceof AppError)) ctx.log.warn({ err }, 'imported order batch failed; one at a time');
    }
  }
  for (const [i, input] of inputs.entries()) out[i] ??= await one(ctx, single, input);
  return out;
}

/** The import-order flow with `importOrders`, the batched way. */
export function withBatchImport<F extends { importOrder: ImportOne }>(deps: CommerceDeps, flow: F) {
  return {
    ...flow,
    /** Several imported orders with few statements; each gets its outcome, in input order. */
    importOrders: (ctx: Ctx, inputs: ImportedOrderInput[]) =>
      importOrdersInBatch(deps, ctx, inputs, (c, i) => flow.importOrder(c, i)),
  };
}
