// The hub commands inbound connectors translate their payloads into (Shopify, WooCommerce, generic
// JSON through a JSONata mapping). One typed shape per use case, validated before anything runs.
import { z } from 'zod';

const Money = z.number().int().describe('minor units (cents)');
const Email = z.string().email().max(300);

export const Buyer = z.strictObject({
  externalId: z.string().min(1).max(200).optional().describe("the buyer's id at the source"),
  email: Email.optional(),
  phone: z.string().min(3).max(40).optional(),
  firstName: z.string().max(200).optional(),
  lastName: z.string().max(200).optional(),
});

export const OrderUpsert = z.strictObject({
  kind: z.literal('order.upsert'),
  externalId: z.string().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/),
  buyer: Buyer.optional(),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(200),
        title: z.string().max(500).optional(),
        quantity: z.number().int().min(1),
        unitPrice: Money.min(0),
        tax: Money.min(0).optional(),
      }),
    )
    .min(1)
    .max(500),
  shipping: Money.min(0).optional(),
  discounts: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(100).optional(),
        title: z.string().max(200).optional(),
        amount: Money.min(0),
      }),
    )
    .max(20)
    .optional()
    .describe(
      "the marketplace's discounts as it gave them (a known code counts towards its campaign's limits)",
    ),
  paid: z.boolean().default(true),
  address: z
    .strictObject({
      line1: z.string().min(1),
      postalCode: z.string().min(1),
      city: z.string().min(1),
      country: z.string().regex(/^[A-Z]{2}$/),
      name: z.string().optional(),
    })
    .optional(),
  placedAt: z.coerce.date().optional(),
});

export const OrderCancel = z.strictObject({
  kind: z.literal('order.cancel'),
  externalId: z.string().min(1).max(200),
  reason: z.string().max(500).default('cancelled at the source'),
});

export const ProductUpsert = z.strictObject({
  kind: z.literal('product.upsert'),
  externalId: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  description: z.string().max(50_000).optional(),
  status: z.enum(['active', 'draft', 'archived']).default('active'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  variants: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(200),
        title: z.string().max(500).optional(),
        price: Money.min(0).optional(),
        gtin: z.string().max(20).optional(),
      }),
    )
    .min(1)
    .max(200),
});

export const StockSet = z.strictObject({
  kind: z.literal('stock.set'),
  sku: z.string().min(1).max(200),
  quantity: z.number().int().min(0),
  locationId: z.string().optional().describe("defaults to the connector's location"),
});

export const CustomerUpsert = z.strictObject({ kind: z.literal('customer.upsert'), ...Buyer.shape });

export const InboundCommand = z.discriminatedUnion('kind', [
  OrderUpsert,
  OrderCancel,
  ProductUpsert,
  StockSet,
  CustomerUpsert,
]);
export type InboundCommand = z.infer<typeof InboundCommand>;
export type OrderUpsertCommand = z.infer<typeof OrderUpsert>;
export type ProductUpsertCommand = z.infer<typeof ProductUpsert>;

/** Validates a translator's output: one command or a list; the reasons say which field is wrong. */
export function parseCommands(
  value: unknown,
): { ok: true; commands: InboundCommand[] } | { ok: false; errors: string[] } {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const parsed = z.array(InboundCommand).max(1000).safeParse(list);
  if (parsed.success) return { ok: true, commands: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}
