// An order from a marketplace or another shop platform lands in the same order model: its buyer is
// recognised (email/phone) as an existing customer, its stock is allocated from the channel like any
// other order (refused cleanly when it is gone), and its external id makes re-delivery harmless.
import { AppError, newId } from '../../kernel/index.js';
import type { Order } from '../../modules/orders/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type CommerceDeps, channelOf, insufficientStock } from './commerce.deps.js';

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
  };
  placedAt?: Date | undefined;
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
      const orderId = newId('ord');
      const items = input.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      const grand = items + (input.shipping ?? 0);
      const paidElsewhere = input.paid
        ? await deps.payments.authorize(ctx, {
            provider: 'external',
            orderId,
            amount: grand,
            currency: input.currency,
          })
        : null;
      return inTransaction(ctx, async (tx) => {
        const reservationIds: string[] = [];
        const byLocation = new Map<string, Array<{ sku: string; quantity: number; reservationId: string }>>();
        for (const l of input.lines) {
          const r = await deps.inventory.reserve(tx, {
            sku: l.sku,
            quantity: l.quantity,
            kind: 'order_allocation',
            channelId: channel.id,
            reference: orderId,
            idempotencyKey: `${input.externalSource}:${input.externalId}:${l.sku}`,
          });
          if (!r.ok) throw insufficientStock(r, 'allocated to this marketplace order');
          reservationIds.push(r.value.reservation.id);
          for (const part of r.value.reservation.lines) {
            const list = byLocation.get(part.locationId) ?? [];
            list.push({ sku: l.sku, quantity: part.quantity, reservationId: r.value.reservation.id });
            byLocation.set(part.locationId, list);
          }
        }
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
            reservationIds,
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
          await deps.orders.fulfilments.planFulfilments(
            tx,
            placed.order,
            [...byLocation].map(([locationId, lines]) => ({
              kind: 'ship_from_warehouse' as const,
              locationId,
              lines,
              routing: {
                strategy: 'channel_sourcing',
                reason: "allocated in the channel's sourcing order",
                distanceKm: null,
              },
            })),
          );
        }
        return placed;
      });
    },
  };
}
