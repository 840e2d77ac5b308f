// An order from a marketplace or another shop platform lands in the same order model: its buyer is
// recognised (email/phone) as an existing customer, its stock is allocated where the routing strategy
// sends it from, like a shipped web order (refused cleanly when it is gone), and its external id
// makes re-delivery harmless.
import { AppError, newId } from '../../kernel/index.js';
import type { NewOrder, Order, PlaceOrderOptions } from '../../modules/orders/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type CommerceDeps, channelOf } from './commerce.deps.js';
import { routeAndAllocate } from './order-stock.js';

export interface ImportedOrderInput {
  channelId: string;
  externalSource: string;
  externalId: string;
  email?: string | undefined;
  phone?: string | undefined;
  currency: string;
  lines: Array<{
    sku: string;
    title?: string | undefined;
    quantity: number;
    unitPrice: number;
    tax?: number | undefined;
  }>;
  shipping?: number | undefined;
  /**
   * The discounts the marketplace gave, as it gave them (never re-priced here): they lower the total,
   * are spread over the lines so returns refund what was paid, and a code the hub knows counts one
   * use of its campaign (even past its limit: the sale happened).
   */
  discounts?: ImportedDiscount[] | undefined;
  /** Paid on the marketplace already (the usual case). */
  paid: boolean;
  address?: {
    line1: string;
    postalCode: string;
    city: string;
    country: string;
    name?: string | undefined;
    latitude?: number | undefined;
    longitude?: number | undefined;
  };
  placedAt?: Date | undefined;
  /**
   * Who bought, as the source knows them (its customer id, email, phone, names): identified once with
   * all of them. Without it the buyer is found by `email` and `phone`.
   */
  buyer?: BuyerIdentity | undefined;
  /** How to pick the shipping locations: nearest_with_stock (default), fewest_shipments, store_priority. */
  routing?: string | undefined;
}

export interface BuyerIdentity {
  identifiers: Array<{ type: string; value: string }>;
  traits?: Record<string, unknown> | undefined;
}

/** The identifiers an imported order's buyer is found by. */
export function buyerOf(input: ImportedOrderInput): BuyerIdentity | undefined {
  if (input.buyer?.identifiers.length) return input.buyer;
  const identifiers = [
    ...(input.email ? [{ type: 'email', value: input.email }] : []),
    ...(input.phone ? [{ type: 'phone', value: input.phone }] : []),
  ];
  return identifiers.length ? { identifiers } : undefined;
}

/** What an imported order costs, decided from its lines and the marketplace's discounts. */
export function importedAmounts(input: ImportedOrderInput) {
  const items = input.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const lineDiscounts = spreadDiscount(
    input.lines.map((l) => l.quantity * l.unitPrice),
    (input.discounts ?? []).reduce((s, d) => s + d.amount, 0),
  );
  const discount = lineDiscounts.reduce((s, d) => s + d, 0);
  const grand = items - discount + (input.shipping ?? 0);
  return { items, lineDiscounts, discount, grand };
}

/** The order the orders module places for an imported order, with its stock. */
export function importedNewOrder(
  input: ImportedOrderInput,
  orderId: string,
  channelId: string,
  customerId: string | null,
  reservationIds: string[],
): { order: NewOrder; options: PlaceOrderOptions } {
  const { items, lineDiscounts, discount, grand } = importedAmounts(input);
  const tax = input.lines.reduce((s, l) => s + (l.tax ?? 0), 0);
  const shipping = input.shipping ?? 0;
  return {
    order: {
      id: orderId,
      channelId,
      source: 'imported',
      externalSource: input.externalSource,
      externalId: input.externalId,
      customerId,
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone ?? null,
      currency: input.currency,
      lines: input.lines.map((l, i) => ({
        sku: l.sku,
        title: l.title ?? l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discount: lineDiscounts[i] ?? 0,
        tax: l.tax ?? 0,
        total: l.quantity * l.unitPrice - (lineDiscounts[i] ?? 0),
      })),
      totals: { items, discount, shipping, tax, grand },
      delivery: input.address
        ? { type: 'ship', address: input.address, method: `${input.externalSource} shipping` }
        : {
            type: 'ship',
            address: { line1: 'unknown', postalCode: '-', city: '-', country: 'NL' },
            method: 'marketplace',
          },
      reservationIds,
      ...(input.discounts?.length ? { metadata: { marketplaceDiscounts: input.discounts } } : {}),
      ...(input.placedAt ? { placedAt: input.placedAt } : {}),
    },
    options: {
      status: input.paid ? 'allocated' : 'pending',
      paidAmount: input.paid ? grand : 0,
      reason: `imported from ${input.externalSource}`,
    },
  };
}

/** Where an imported order's stock goes, for the routing strategy. */
export const destinationOf = (input: ImportedOrderInput) => ({
  latitude: input.address?.latitude ?? null,
  longitude: input.address?.longitude ?? null,
  country: input.address?.country ?? null,
});

/** A reservation key per order line and location: a retried import allocates once. */
export const allocationKeyOf = (input: ImportedOrderInput) => (sku: string, locationId: string) =>
  `${input.externalSource}:${input.externalId}:${sku}@${locationId}`;

export interface ImportedDiscount {
  code?: string | undefined;
  title?: string | undefined;
  amount: number;
}

/** Spreads `discount` over line totals in proportion, the remainder cents to the largest lines first. */
export function spreadDiscount(totals: number[], discount: number): number[] {
  const sum = totals.reduce((s, t) => s + t, 0);
  if (sum <= 0 || discount <= 0) return totals.map(() => 0);
  const capped = Math.min(discount, sum);
  const parts = totals.map((t) => Math.floor((t * capped) / sum));
  let rest = capped - parts.reduce((s, p) => s + p, 0);
  const order = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length) {
    const i = order[k]!.i;
    if (parts[i]! < totals[i]!) {
      parts[i]! += 1;
      rest -= 1;
    }
  }
  return parts;
}

/** Each known code counts one use towards its campaign's limits (an unknown code records nothing). */
export async function recordMarketplaceUses(
  deps: CommerceDeps,
  tx: Ctx,
  order: Order,
  discounts: ImportedDiscount[],
) {
  const record = deps.promotionUses?.recordMarketplaceUse;
  if (!record) return;
  for (const d of discounts) {
    if (!d.code) continue;
    await record(tx, {
      orderId: order.id,
      channelId: order.channelId,
      customerId: order.customerId,
      currency: order.currency,
      code: d.code,
      amount: d.amount,
      orderTotal: order.totals.grand,
    });
  }
}

export function createImportOrderFlow(deps: CommerceDeps) {
  const flow = {
    async importOrder(ctx: Ctx, input: ImportedOrderInput): Promise<{ order: Order; created: boolean }> {
      const existing = await deps.orders.orders.findByExternalId(ctx, input.externalSource, input.externalId);
      if (existing) return { order: existing, created: false };
      const channel = await channelOf(deps, ctx, input.channelId);
      if (channel.currency !== input.currency) {
        throw new AppError(
          'currency_mismatch',
          `Channel ${channel.code} sells in ${channel.currency}, not ${input.currency}`,
        );
      }
      const orderId = newId('ord');
      const { grand } = importedAmounts(input);
      // Before the buyer is identified (a write): a browser key may not import a paid order.
      const paidElsewhere = input.paid
        ? await deps.payments.authorizePaidElsewhere(ctx, {
            orderId,
            amount: grand,
            currency: input.currency,
          })
        : null;
      let customerId: string | null = null;
      const buyer = buyerOf(input);
      if (buyer) {
        const who = await deps.customers.identify(ctx, { channelId: channel.id, ...buyer });
        if (who.ok) customerId = who.value.customerId;
      }
      return inTransaction(ctx, async (tx) => {
        // Like a shipped web order: the routing strategy picks the locations (and says why).
        const stock = await routeAndAllocate(
          deps,
          tx,
          channel.id,
          input.lines,
          orderId,
          destinationOf(input),
          input.routing ?? 'nearest_with_stock',
          allocationKeyOf(input),
        );
        const { order, options } = importedNewOrder(
          input,
          orderId,
          channel.id,
          customerId,
          stock.reservationIds,
        );
        const placed = await deps.orders.orders.placeOrder(tx, order, options);
        if (placed.created && paidElsewhere?.ok)
          await deps.payments.recordPayment(tx, paidElsewhere.value, channel.id);
        if (placed.created) {
          await deps.orders.fulfilments.planFulfilments(tx, placed.order, stock.plans);
          await recordMarketplaceUses(deps, tx, placed.order, input.discounts ?? []);
        }
        return placed;
      });
    },
  };
  return flow;
}
