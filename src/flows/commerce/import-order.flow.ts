// An order from a marketplace or another shop platform lands in the same order model: its buyer is
// recognised (email/phone) as an existing customer, its stock is allocated where the routing strategy
// sends it from, like a shipped web order (refused cleanly when it is gone), and its external id
// makes re-delivery harmless.
import { AppError, newId } from '../../kernel/index.js';
import type { Order } from '../../modules/orders/index.js';
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
  /** How to pick the shipping locations: nearest_with_stock (default), fewest_shipments, store_priority. */
  routing?: string | undefined;
}

export function createImportOrderFlow(deps: CommerceDeps) {
  return {
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
      const items = input.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      const grand = items + (input.shipping ?? 0);
      // Before the buyer is identified (a write): a browser key may not import a paid order.
      const paidElsewhere = input.paid
        ? await deps.payments.authorizePaidElsewhere(ctx, {
            orderId,
            amount: grand,
            currency: input.currency,
          })
        : null;
      let customerId: string | null = null;
      if (input.email || input.phone) {
        const who = await deps.customers.identify(ctx, {
          channelId: channel.id,
          identifiers: [
            ...(input.email ? [{ type: 'email', value: input.email }] : []),
            ...(input.phone ? [{ type: 'phone', value: input.phone }] : []),
          ],
        });
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
          {
            latitude: input.address?.latitude ?? null,
            longitude: input.address?.longitude ?? null,
            country: input.address?.country ?? null,
          },
          input.routing ?? 'nearest_with_stock',
          (sku, locationId) => `${input.externalSource}:${input.externalId}:${sku}@${locationId}`,
        );
        const tax = input.lines.reduce((s, l) => s + (l.tax ?? 0), 0);
        const shipping = input.shipping ?? 0;
        const placed = await deps.orders.orders.placeOrder(
          tx,
          {
            id: orderId,
            channelId: channel.id,
            source: 'imported',
            externalSource: input.externalSource,
            externalId: input.externalId,
            customerId,
            email: input.email?.toLowerCase() ?? null,
            phone: input.phone ?? null,
            currency: input.currency,
            lines: input.lines.map((l) => ({
              sku: l.sku,
              title: l.title ?? l.sku,
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              discount: 0,
              tax: l.tax ?? 0,
              total: l.quantity * l.unitPrice,
            })),
            totals: { items, discount: 0, shipping, tax, grand },
            delivery: input.address
              ? { type: 'ship', address: input.address, method: `${input.externalSource} shipping` }
              : {
                  type: 'ship',
                  address: { line1: 'unknown', postalCode: '-', city: '-', country: 'NL' },
                  method: 'marketplace',
                },
            reservationIds: stock.reservationIds,
            ...(input.placedAt ? { placedAt: input.placedAt } : {}),
          },
          {
            status: input.paid ? 'allocated' : 'pending',
            paidAmount: input.paid ? grand : 0,
            reason: `imported from ${input.externalSource}`,
          },
        );
        if (placed.created && paidElsewhere?.ok)
          await deps.payments.recordPayment(tx, paidElsewhere.value, channel.id);
        if (placed.created) {
          await deps.orders.fulfilments.planFulfilments(tx, placed.order, stock.plans);
        }
        return placed;
      });
    },
  };
}
