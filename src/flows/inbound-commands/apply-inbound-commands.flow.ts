// Carries out hub commands from inbound connectors through the modules that own them: imported
// orders go through the same import flow as marketplace orders (so they reserve the same stock),
// buyers are stitched into existing customers by the source's customer id, email and phone, stock
// levels are set at the connector's location, products are upserted in the catalog. Every command
// is idempotent on the source's ids, so re-processing a delivery changes nothing twice.
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { InboundCommand, OrderUpsertCommand, ProductUpsertCommand } from './inbound-commands.js';

/** Where commands come from: the connector's identity and defaults. */
export interface InboundSource {
  connectorId: string;
  kind: string;
  channelId: string | null;
  locationId: string | null;
}

/** The import flow's input (structurally the commerce import-order flow's). */
export interface ImportOrderInput {
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
  discounts?: Array<{ code?: string | undefined; title?: string | undefined; amount: number }> | undefined;
  paid: boolean;
  address?: { line1: string; postalCode: string; city: string; country: string; name?: string | undefined };
  placedAt?: Date | undefined;
  /** The buyer as the source knows them, identified once with every identifier. */
  buyer?:
    | { identifiers: Array<{ type: string; value: string }>; traits?: Record<string, unknown> }
    | undefined;
}

/** One order's outcome in a batch import: its order, or why it could not be imported. */
export type ImportOrderOutcome =
  | { ok: true; order: { id: string; customerId: string | null }; created: boolean }
  | { ok: false; error: unknown };

type Identify = (
  ctx: Ctx,
  input: {
    channelId: string;
    identifiers: Array<{ type: string; value: string }>;
    traits?: Record<string, unknown>;
  },
) => Promise<{ ok: true; value: { customerId: string } } | { ok: false; reason: string; errors?: unknown }>;

export interface InboundCommandDeps {
  identify: Identify;
  setOnHand: (
    ctx: Ctx,
    entry: { sku: string; locationId: string; quantity: number; reason?: string },
  ) => Promise<unknown>;
  importOrder?: (
    ctx: Ctx,
    input: ImportOrderInput,
  ) => Promise<{ order: { id: string; customerId: string | null }; created: boolean }>;
  /** Several orders with few statements, each with its outcome in input order. */
  importOrders?: (ctx: Ctx, inputs: ImportOrderInput[]) => Promise<ImportOrderOutcome[]>;
  cancelImportedOrder?: (
    ctx: Ctx,
    externalSource: string,
    externalId: string,
    reason: string,
  ) => Promise<{ orderId: string } | null>;
  upsertProduct?: (
    ctx: Ctx,
    command: ProductUpsertCommand,
    source: { externalSource: string; channelId: string | null },
  ) => Promise<{ productId: string }>;
}

export interface CommandResult {
  kind: InboundCommand['kind'];
  ref: string | null;
  note?: string;
}

const unavailable = (what: string) =>
  new AppError(
    'command_unavailable',
    `${what} is not available in this hub yet; the delivery is parked until it is`,
  );

const sourceName = (s: InboundSource) => `${s.kind}:${s.connectorId}`;

function needChannel(s: InboundSource): string {
  if (!s.channelId)
    throw new AppError(
      'connector_without_channel',
      `Connector ${s.connectorId} has no channel; set channelId on it`,
    );
  return s.channelId;
}

async function stitchBuyer(
  ctx: Ctx,
  deps: InboundCommandDeps,
  s: InboundSource,
  b: {
    externalId?: string | undefined;
    email?: string | undefined;
    phone?: string | undefined;
    firstName?: string | undefined;
    lastName?: string | undefined;
  },
): Promise<string | null> {
  const identifiers = [
    ...(b.externalId ? [{ type: `${s.kind}_customer`, value: b.externalId }] : []),
    ...(b.email ? [{ type: 'email', value: b.email }] : []),
    ...(b.phone ? [{ type: 'phone', value: b.phone }] : []),
  ];
  if (identifiers.length === 0) return null;
  const traits = {
    ...(b.firstName ? { firstName: b.firstName } : {}),
    ...(b.lastName ? { lastName: b.lastName } : {}),
  };
  const r = await deps.identify(ctx, { channelId: needChannel(s), identifiers, traits });
  return r.ok ? r.value.customerId : null;
}

/** The identifiers and names the source gave for a buyer (its own customer id first). */
function identityOf(s: InboundSource, b: NonNullable<OrderUpsertCommand['buyer']>) {
  const identifiers = [
    ...(b.externalId ? [{ type: `${s.kind}_customer`, value: b.externalId }] : []),
    ...(b.email ? [{ type: 'email', value: b.email }] : []),
    ...(b.phone ? [{ type: 'phone', value: b.phone }] : []),
  ];
  const traits = {
    ...(b.firstName ? { firstName: b.firstName } : {}),
    ...(b.lastName ? { lastName: b.lastName } : {}),
  };
  return identifiers.length ? { identifiers, traits } : undefined;
}

/** The import flow's input for an order command; the buyer is identified once, by all it has. */
function importInput(s: InboundSource, c: OrderUpsertCommand): ImportOrderInput {
  return {
    channelId: needChannel(s),
    externalSource: sourceName(s),
    externalId: c.externalId,
    email: c.buyer?.email,
    phone: c.buyer?.phone,
    currency: c.currency,
    lines: c.lines,
    shipping: c.shipping,
    discounts: c.discounts,
    paid: c.paid,
    ...(c.address ? { address: c.address } : {}),
    placedAt: c.placedAt,
    buyer: c.buyer ? identityOf(s, c.buyer) : undefined,
  };
}

const orderResult = (r: { order: { id: string; customerId: string | null }; created: boolean }) => ({
  ref: r.order.id,
  note: `${r.created ? 'created' : 'already imported'}${r.order.customerId ? `; buyer ${r.order.customerId}` : ''}`,
});

async function importOrder(ctx: Ctx, deps: InboundCommandDeps, s: InboundSource, c: OrderUpsertCommand) {
  if (!deps.importOrder) throw unavailable('Order import');
  return orderResult(await deps.importOrder(ctx, importInput(s, c)));
}

/**
 * Deliveries that are each one order upsert, imported as a batch (`importOrders`, or one at a time
 * when the hub has no batch import): each gets its results or its error, in input order.
 */
export async function applyOrderBatch(
  ctx: Ctx,
  deps: InboundCommandDeps,
  source: InboundSource,
  commands: OrderUpsertCommand[],
): Promise<Array<{ ok: true; results: CommandResult[] } | { ok: false; error: unknown }>> {
  if (!deps.importOrders) {
    const out = [];
    for (const c of commands) {
      try {
        out.push({ ok: true as const, results: await applyInboundCommands(ctx, deps, source, [c]) });
      } catch (error) {
        out.push({ ok: false as const, error });
      }
    }
    return out;
  }
  const outcomes = await deps.importOrders(
    ctx,
    commands.map((c) => importInput(source, c)),
  );
  return outcomes.map((o) =>
    o.ok ? { ok: true, results: [{ kind: 'order.upsert', ...orderResult(o) }] } : o,
  );
}

export async function applyInboundCommands(
  ctx: Ctx,
  deps: InboundCommandDeps,
  source: InboundSource,
  commands: InboundCommand[],
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  for (const c of commands) {
    switch (c.kind) {
      case 'order.upsert':
        results.push({ kind: c.kind, ...(await importOrder(ctx, deps, source, c)) });
        break;
      case 'order.cancel': {
        if (!deps.cancelImportedOrder) throw unavailable('Cancelling imported orders');
        const r = await deps.cancelImportedOrder(ctx, sourceName(source), c.externalId, c.reason);
        results.push({
          kind: c.kind,
          ref: r?.orderId ?? null,
          ...(r ? {} : { note: 'no such imported order' }),
        });
        break;
      }
      case 'product.upsert': {
        if (!deps.upsertProduct) throw unavailable('Product import');
        const r = await deps.upsertProduct(ctx, c, {
          externalSource: sourceName(source),
          channelId: source.channelId,
        });
        results.push({ kind: c.kind, ref: r.productId });
        break;
      }
      case 'stock.set': {
        const locationId = c.locationId ?? source.locationId;
        if (!locationId)
          throw new AppError(
            'connector_without_location',
            `Connector ${source.connectorId} has no stock location; set locationId on it`,
          );
        await deps.setOnHand(ctx, {
          sku: c.sku,
          locationId,
          quantity: c.quantity,
          reason: `set by ${sourceName(source)}`,
        });
        results.push({ kind: c.kind, ref: c.sku });
        break;
      }
      case 'customer.upsert': {
        const id = await stitchBuyer(ctx, deps, source, c);
        if (!id)
          throw new AppError(
            'customer_without_identifier',
            'The customer has no usable identifier (id, email or phone)',
          );
        results.push({ kind: c.kind, ref: id });
        break;
      }
    }
  }
  return results;
}
