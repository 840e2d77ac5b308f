// Order history import: a file of past orders (the hub's own columns, one row per order line, or
// Shopify's or WooCommerce's order export through a dialect). Rows of one order are consecutive and
// share its order_id; the order's own fields are read from its first row.
//   - Historical orders (fulfilled, completed, cancelled, refunded) keep their date, status, totals
//     and discounts and never reserve or move stock: their lines are copies (SKU and title), so a SKU
//     the catalog no longer has is kept as it was sold.
//   - Open orders (pending, paid) are live: they go through the marketplace import, which reserves
//     stock like any new order (and refuses a SKU that cannot be sold).
//   - An order already in the hub under the same source and external id (imported before, or arrived
//     through the connector's webhook when the connector is named) writes nothing.
//   - Buyers are recognised through the customers module's identity resolution (email, phone, the
//     platform's customer id), in one ingestion per chunk.
// The report keeps no values of a row (emails, names and addresses are personal data).
import { z } from 'zod';
import { isAppError, newId } from '../../kernel/index.js';
import type { CustomersService, IngestEventInput } from '../../modules/customers/index.js';
import type { NewOrder, Order, OrdersService } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import { type ImportedOrderInput, spreadDiscount } from '../commerce/import-order.flow.js';
import { columnsOnly, present } from './customer-import.js';
import type { ImportDialect } from './import-dialect.js';
import type { ImportTarget, Scope, StoredChunk, Taken } from './import-job.js';

export const ORDER_COLUMNS = [
  'order_id',
  'source',
  'placed_at',
  'status',
  'currency',
  'email',
  'phone',
  'customer_id',
  'customer_type',
  'sku',
  'title',
  'quantity',
  'unit_price',
  'line_tax',
  'shipping',
  'discount',
  'discount_code',
  'paid_amount',
  'refunded_amount',
  'ship_name',
  'ship_line1',
  'ship_line2',
  'ship_postal_code',
  'ship_city',
  'ship_region',
  'ship_country',
  'note',
] as const;

/** Statuses that are history: they never reserve or move stock. */
export const HISTORICAL_STATUSES = ['fulfilled', 'completed', 'cancelled', 'refunded'] as const;
const OPEN_STATUSES = ['pending', 'paid'] as const;

const minor = z.coerce
  .number({ error: 'a whole number of minor units (12950 for 129.50)' })
  .int('a whole number of minor units (12950 for 129.50)')
  .min(0, 'not negative')
  .max(1e13);
const text = (max: number) => z.string().trim().min(1).max(max).optional();

const LineRow = z.object({
  sku: z.string().trim().max(100).default(''),
  title: text(300),
  quantity: z.coerce.number().int('a whole number').positive('at least 1').max(1e6),
  unit_price: minor,
  line_tax: minor.optional(),
});

const OrderHead = z.object({
  order_id: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(50).optional(),
  placed_at: z.iso.datetime({ offset: true, message: 'an ISO 8601 time such as 2023-05-01T10:00:00Z' }),
  status: z.enum([...HISTORICAL_STATUSES, ...OPEN_STATUSES]),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  email: z.email('not an email address').max(300).optional(),
  phone: text(40),
  customer_id: text(200),
  customer_type: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,40}$/)
    .optional(),
  shipping: minor.optional(),
  discount: minor.optional(),
  discount_code: text(100),
  paid_amount: minor.optional(),
  refunded_amount: minor.optional(),
  ship_name: text(200),
  ship_line1: text(200),
  ship_line2: text(200),
  ship_postal_code: text(20),
  ship_city: text(100),
  ship_region: text(100),
  ship_country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 such as NL')
    .optional(),
  /** The buyer's or the shop's note on the order, kept as it was written. */
  note: text(5000),
});

export interface HistoryOrder {
  head: z.infer<typeof OrderHead>;
  lines: Array<z.infer<typeof LineRow>>;
}

/** The live import of an open order: the commerce flow's `importOrder`. */
export type ImportOpenOrder = (
  ctx: Ctx,
  input: ImportedOrderInput,
) => Promise<{ order: Order; created: boolean }>;

export interface HistoryDeps {
  orders: Pick<OrdersService, 'placeOrders' | 'findExternalIds'>;
  customers: Pick<CustomersService, 'ingest'>;
  importOpenOrder?: ImportOpenOrder | undefined;
  channelId: string;
  /** The connector's source (`shopify:con_…`) when named: the webhooks' orders dedupe with the file's. */
  externalSource?: string | undefined;
  dialects: readonly ImportDialect[];
}

const issuesOf = (e: z.ZodError) =>
  e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));

/** Groups consecutive rows of one order_id into an order; the first row carries the order's fields. */
function createGrouper() {
  let current: { id: string; lines: number[]; raws: Array<Record<string, unknown>> } | null = null;
  const close = (): Array<Taken<HistoryOrder>> => {
    if (!current) return [];
    const { lines, raws } = current;
    current = null;
    const head = OrderHead.safeParse(raws[0]);
    const reasons = head.success ? [] : issuesOf(head.error);
    const parsed: HistoryOrder['lines'] = [];
    raws.forEach((raw, i) => {
      const l = LineRow.safeParse(raw);
      if (!l.success) reasons.push(...issuesOf(l.error).map((m) => `line ${lines[i]}: ${m}`));
      else if (!l.data.sku && !l.data.title) reasons.push(`line ${lines[i]}: give a sku or a title`);
      else parsed.push(l.data);
    });
    if (!head.success || reasons.length) {
      const covered = lines.length > 1 ? ` (order on lines ${lines[0]}–${lines.at(-1)})` : '';
      return [
        { line: lines[0]!, reasons: reasons.map((r) => r + covered), raw: raws[0], rows: lines.length },
      ];
    }
    return [{ unit: { head: head.data, lines: parsed }, lines }];
  };
  return {
    take(line: number, raw: Record<string, unknown>): Array<Taken<HistoryOrder>> {
      const row = present(raw);
      const id = typeof row.order_id === 'string' ? row.order_id.trim() : '';
      if (!id) return [{ line, reasons: ['order_id: required'], raw }];
      const out = current && current.id !== id ? close() : [];
      if (!current) current = { id, lines: [], raws: [] };
      current.lines.push(line);
      current.raws.push(row);
      return out;
    },
    finish: close,
  };
}

function orderTotals(o: HistoryOrder) {
  const lineTotals = o.lines.map((l) => l.quantity * l.unit_price);
  const lineDiscounts = spreadDiscount(lineTotals, o.head.discount ?? 0);
  const items = lineTotals.reduce((s, t) => s + t, 0);
  const discount = lineDiscounts.reduce((s, d) => s + d, 0);
  const tax = o.lines.reduce((s, l) => s + (l.line_tax ?? 0), 0);
  const shipping = o.head.shipping ?? 0;
  return { lineTotals, lineDiscounts, items, discount, tax, shipping, grand: items - discount + shipping };
}

export function historyImportTarget(deps: HistoryDeps): ImportTarget<HistoryOrder> {
  const grouper = createGrouper();
  const source = { id: `import:${deps.channelId}`, channelId: deps.channelId, sharedDevices: false };
  const externalSourceOf = (o: HistoryOrder) => deps.externalSource ?? o.head.source;

  /** Buyers of the chunk's new orders, found or created in one ingestion; order index → customer. */
  async function buyers(ctx: Ctx, orders: HistoryOrder[]): Promise<Map<number, string>> {
    const events: IngestEventInput[] = [];
    const owner: number[] = [];
    orders.forEach((o, i) => {
      const h = o.head;
      const identifiers = [
        ...(h.customer_id && h.customer_type ? [{ type: h.customer_type, value: h.customer_id }] : []),
        ...(h.email ? [{ type: 'email', value: h.email }] : []),
        ...(h.phone ? [{ type: 'phone', value: h.phone }] : []),
      ];
      if (!identifiers.length) return;
      owner.push(i);
      events.push({
        messageId: newId('msg'),
        kind: 'identify',
        name: null,
        identifiers,
        traits: {},
        properties: {},
        context: {},
        occurredAt: new Date(h.placed_at),
        anonymousId: null,
        userId: null,
      });
    });
    const found = new Map<number, string>();
    if (!events.length) return found;
    const results = await deps.customers.ingest(ctx, source, events);
    results.forEach((r, k) => {
      if (r.status === 'stored') found.set(owner[k]!, r.profileId);
    });
    return found;
  }

  /** A historical order as the orders module places it, decided here in memory. */
  function historicalOrder(o: HistoryOrder, customerId: string | null) {
    const h = o.head;
    const t = orderTotals(o);
    const delivered = h.status === 'fulfilled' || h.status === 'completed';
    const paid = h.status === 'cancelled' ? (h.paid_amount ?? 0) : (h.paid_amount ?? t.grand);
    const address = h.ship_line1
      ? {
          line1: h.ship_line1,
          ...(h.ship_line2 ? { line2: h.ship_line2 } : {}),
          postalCode: h.ship_postal_code ?? '-',
          city: h.ship_city ?? '-',
          ...(h.ship_region ? { region: h.ship_region } : {}),
          country: h.ship_country ?? 'ZZ',
          ...(h.ship_name ? { name: h.ship_name } : {}),
        }
      : null;
    return {
      input: {
        channelId: deps.channelId,
        source: 'imported',
        externalSource: externalSourceOf(o)!,
        externalId: h.order_id,
        customerId,
        email: h.email?.toLowerCase() ?? null,
        phone: h.phone ?? null,
        currency: h.currency,
        lines: o.lines.map((l, i) => ({
          sku: l.sku,
          title: l.title ?? l.sku,
          quantity: l.quantity,
          unitPrice: l.unit_price,
          discount: t.lineDiscounts[i] ?? 0,
          tax: l.line_tax ?? 0,
          total: t.lineTotals[i]! - (t.lineDiscounts[i] ?? 0),
          ...(delivered ? { fulfilledQuantity: l.quantity } : {}),
        })),
        totals: { items: t.items, discount: t.discount, shipping: t.shipping, tax: t.tax, grand: t.grand },
        // History names where it went when the export says; "ZZ" is ISO's code for an unknown country.
        delivery: address
          ? { type: 'ship', address, method: `${externalSourceOf(o)} shipping` }
          : {
              type: 'ship',
              address: { line1: 'unknown', postalCode: '-', city: '-', country: 'ZZ' },
              method: 'imported',
            },
        reservationIds: [],
        metadata: {
          history: true,
          ...(h.note ? { note: h.note } : {}),
          ...(h.discount ? { marketplaceDiscounts: [{ code: h.discount_code, amount: h.discount }] } : {}),
        },
        placedAt: new Date(h.placed_at),
      } satisfies NewOrder,
      opts: {
        status: h.status,
        paidAmount: paid,
        refundedAmount: h.status === 'refunded' ? (h.refunded_amount ?? paid) : (h.refunded_amount ?? 0),
        reason: `imported history from ${externalSourceOf(o)}`,
        historical: true,
      },
    };
  }

  async function placeOpen(ctx: Ctx, o: HistoryOrder) {
    if (!deps.importOpenOrder) throw new Error('open orders cannot be imported here');
    const h = o.head;
    return deps.importOpenOrder(ctx, {
      channelId: deps.channelId,
      externalSource: externalSourceOf(o)!,
      externalId: h.order_id,
      email: h.email,
      phone: h.phone,
      currency: h.currency,
      lines: o.lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPrice: l.unit_price,
        ...(l.line_tax ? { tax: l.line_tax } : {}),
      })),
      shipping: h.shipping,
      discounts: h.discount ? [{ code: h.discount_code, amount: h.discount }] : undefined,
      paid: h.status === 'paid',
      placedAt: new Date(h.placed_at),
    });
  }

  /**
   * Stores some orders in one scope, decided in memory and written once: one read finds those the
   * hub has (and an order twice in the chunk is one), one ingestion finds the buyers, one insert
   * places every historical order. Open orders are live and go one by one through the stock path.
   */
  async function storeOrders(ctx: Ctx, units: Array<{ unit: HistoryOrder; lines: number[] }>) {
    const keyOf = (u: HistoryOrder) => `${externalSourceOf(u)}\u0000${u.head.order_id}`;
    const existing = await deps.orders.findExternalIds(
      ctx,
      units.map((u) => ({ externalSource: externalSourceOf(u.unit)!, externalId: u.unit.head.order_id })),
    );
    const seen = new Set(existing.map((k) => `${k.externalSource}\u0000${k.externalId}`));
    const kinds: string[] = [];
    const fresh: number[] = [];
    for (const [i, u] of units.entries()) {
      const key = keyOf(u.unit);
      kinds[i] = seen.has(key) ? 'unchanged' : 'order';
      if (!seen.has(key)) fresh.push(i);
      seen.add(key);
    }
    const isHistory = (i: number) =>
      (HISTORICAL_STATUSES as readonly string[]).includes(units[i]!.unit.head.status);
    const historical = fresh.filter(isHistory);
    const customerOf = await buyers(
      ctx,
      historical.map((i) => units[i]!.unit),
    );
    const placed = await deps.orders.placeOrders(
      ctx,
      historical.map((i, k) => historicalOrder(units[i]!.unit, customerOf.get(k) ?? null)),
    );
    // Placed meanwhile by another path (the connector's webhook): that one stays.
    for (const [k, i] of historical.entries()) if (!placed[k]) kinds[i] = 'unchanged';
    for (const i of fresh) {
      if (isHistory(i)) continue;
      await placeOpen(ctx, units[i]!.unit);
      kinds[i] = 'open_order';
    }
    return kinds;
  }

  return {
    native: { columns: ORDER_COLUMNS, required: ['order_id'] },
    dialects: deps.dialects,
    take: grouper.take,
    finish: grouper.finish,
    report: columnsOnly,
    async store(ctx: Ctx, units, scope: Scope): Promise<StoredChunk> {
      const out: StoredChunk = { accepted: [], rejected: [] };
      const missing = units.filter((u) => !externalSourceOf(u.unit));
      for (const u of missing)
        out.rejected.push({
          line: u.lines[0]!,
          reasons: ['source: say where the order comes from (a source column or ?connector=)'],
          row: null,
          rows: u.lines.length,
        });
      const ready = units.filter((u) => externalSourceOf(u.unit));
      try {
        const kinds = await scope(ctx, (tx) => storeOrders(tx, ready));
        for (const [i, u] of ready.entries()) out.accepted.push({ lines: u.lines, kind: kinds[i]! });
        return out;
      } catch {
        // One order spoiled the chunk: each again on its own, so only that one is refused.
      }
      for (const u of ready) {
        try {
          const [kind] = await scope(ctx, (tx) => storeOrders(tx, [u]));
          out.accepted.push({ lines: u.lines, kind: kind! });
        } catch (err) {
          const reason = isAppError(err) ? err.message : 'could not be stored';
          if (!isAppError(err))
            ctx.log.error({ code: (err as { code?: string }).code }, 'history import order failed');
          out.rejected.push({ line: u.lines[0]!, reasons: [reason], row: null, rows: u.lines.length });
        }
      }
      return out;
    },
  };
}
