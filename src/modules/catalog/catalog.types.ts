// The catalog's records and inputs, declared once with Zod (validation, types and OpenAPI).
import { z } from 'zod';
import { validationError } from '../../kernel/index.js';
import { AVAILABILITIES, STOCK_POLICIES } from './availability.js';

/** Parses service input; bad input is a 400 with per-field issues, as on the HTTP layer. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, path = 'body'): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw validationError(
    r.error.issues.map((i) => ({
      path: [path, ...i.path.map(String)].join('.'),
      message: i.message,
      code: i.code,
    })),
  );
}

export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;

export const CatalogLocale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a BCP 47 locale such as en or es-ES');
export const CatalogCurrency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');
export const Sku = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, 'letters, digits and . _ - /');
/**
 * True when the last digit of a GTIN-8/12/13/14 is its GS1 check digit (mod 10, weights 3 and 1 from
 * the right): a mistyped or misread barcode is refused when saved instead of never matching a scan.
 */
export function gtinCheckDigitOk(gtin: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) return false;
  const digits = [...gtin].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}
export const Gtin = z
  .string()
  .regex(/^\d{8}$|^\d{12,14}$/, 'a GTIN-8, -12, -13 or -14 barcode')
  .refine(gtinCheckDigitOk, 'the last digit is not the GS1 check digit of this barcode');
export const Handle = z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'lowercase letters, digits and dashes');
/** Money in minor units (cents, öre): a whole, non-negative number. */
export const MinorAmount = z.number().int('a whole number of minor units').nonnegative().max(1e13);
export const MediaUrl = z.url({ protocol: /^https?$/ }).max(2000);
export const Category = z.string().regex(/^[a-z0-9][a-z0-9-/]{0,63}$/, 'lowercase letters, digits, - and /');
/** A merchant's own label (Shopify's Tags, WooCommerce's Tags): free text, no commas. */
export const ProductTag = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((t) => ![...t].some((c) => c === ',' || c === '|' || c.charCodeAt(0) < 32), {
    message: 'text without commas, | or control characters',
  });
export const Vendor = z.string().trim().min(1).max(200);

export const LocalizedText = z.strictObject({
  title: z.string().min(1).max(300),
  description: z.string().max(20_000).default(''),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const VariantOptions = z.record(z.string().min(1).max(50), z.string().max(100));

export { STOCK_POLICIES, type StockPolicy } from './availability.js';
/** A calendar date (YYYY-MM-DD) that exists. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2027-03-01')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'not a date in the calendar',
    },
  );
export const StockPolicyFields = z.strictObject({
  stockPolicy: z.enum(STOCK_POLICIES).describe('deny (default), backorder or preorder'),
  availableFrom: CalendarDate.nullable().describe(
    'pre-order: the expected release date (required); backorder: expected restock',
  ),
  backorderLimit: z
    .number()
    .int()
    .positive()
    .max(100_000)
    .nullable()
    .describe('at most this many units of one cart line beyond the stock; null: no limit'),
});
export type StockPolicyFields = z.infer<typeof StockPolicyFields>;
export const DEFAULT_STOCK_POLICY: StockPolicyFields = {
  stockPolicy: 'deny',
  availableFrom: null,
  backorderLimit: null,
};

/** The per-field refusal of a policy that cannot stand (a pre-order without its date). */
export function stockPolicyIssues(f: StockPolicyFields, path: string[] = []) {
  return f.stockPolicy === 'preorder' && !f.availableFrom
    ? [{ path: [...path, 'availableFrom'], message: 'a pre-order needs its expected release date' }]
    : [];
}

export { AVAILABILITIES, type Availability, availabilityOf } from './availability.js';

export const PriceInput = z.strictObject({
  priceListId: z.string().describe('id or code of the price list'),
  amount: MinorAmount,
  currency: CatalogCurrency.describe('must be the price list currency'),
  compareAtAmount: MinorAmount.nullable().optional().describe('the "was" price shown struck through'),
});

export const VariantInput = z
  .strictObject({
    sku: Sku,
    gtin: Gtin.nullable().default(null),
    options: VariantOptions.default({}),
    prices: z.array(PriceInput).max(50).default([]),
    ...StockPolicyFields.partial().shape,
  })
  .superRefine((v, c) => {
    for (const i of stockPolicyIssues({ ...DEFAULT_STOCK_POLICY, ...v }))
      c.addIssue({ code: 'custom', ...i });
  });
export type VariantInput = z.input<typeof VariantInput>;

export const VariantPatch = z
  .strictObject({ gtin: Gtin.nullable(), options: VariantOptions, ...StockPolicyFields.shape })
  .partial();
export type VariantPatch = z.infer<typeof VariantPatch>;

export const VariantPrice = z.object({
  sku: z.string(),
  variantId: z.string(),
  priceListCode: z.string().nullable(),
  channelId: z.string().nullable(),
  currency: z.string(),
  amount: z.number().int(),
  compareAtAmount: z.number().int().nullable().describe('the "was" price shown struck through'),
});

export const ProductInput = z.strictObject({
  handle: Handle,
  status: z.enum(PRODUCT_STATUSES).default('active'),
  defaultLocale: CatalogLocale.describe('the fallback when a channel locale has no text'),
  content: z
    .record(CatalogLocale, LocalizedText)
    .refine((c) => Object.keys(c).length > 0, 'at least one locale')
    .describe('title and description per locale'),
  categories: z.array(Category).max(50).default([]),
  media: z.array(MediaUrl).max(50).default([]),
  vendor: Vendor.nullable().default(null),
  tags: z.array(ProductTag).max(250).default([]),
  variants: z.array(VariantInput).min(1).max(250),
});
export type ProductInput = z.input<typeof ProductInput>;

export const ProductPatch = z
  .strictObject({
    status: z.enum(PRODUCT_STATUSES),
    defaultLocale: CatalogLocale,
    content: z.record(CatalogLocale, LocalizedText).describe('locales given replace their text; others stay'),
    categories: z.array(Category).max(50),
    media: z.array(MediaUrl).max(50),
    vendor: Vendor.nullable(),
    tags: z.array(ProductTag).max(250),
  })
  .partial();
export type ProductPatch = z.infer<typeof ProductPatch>;

export const Variant = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  gtin: z.string().nullable(),
  options: z.record(z.string(), z.string()),
  position: z.number().int(),
  ...StockPolicyFields.shape,
});
export type Variant = z.infer<typeof Variant>;

export const Product = z.object({
  id: z.string(),
  handle: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  defaultLocale: z.string(),
  content: z.record(z.string(), z.object({ title: z.string(), description: z.string() })),
  categories: z.array(z.string()),
  media: z.array(z.string()),
  vendor: z.string().nullable(),
  tags: z.array(z.string()),
  variants: z.array(Variant),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Product = z.infer<typeof Product>;

export const PriceListInput = z.strictObject({
  code: Handle,
  name: z.string().min(1).max(200),
  currency: CatalogCurrency,
});
export type PriceListInput = z.infer<typeof PriceListInput>;

export const PriceList = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  currency: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PriceList = z.infer<typeof PriceList>;

export const SkuPrice = z.strictObject({
  sku: Sku,
  amount: MinorAmount,
  currency: CatalogCurrency,
  compareAtAmount: MinorAmount.nullable()
    .optional()
    .describe('the "was" price shown struck through; null removes it, absent keeps it'),
});
export type SkuPrice = z.infer<typeof SkuPrice>;

export const ListingInput = z.strictObject({
  published: z.boolean(),
  title: z.string().min(1).max(300).nullable().default(null).describe('channel-specific title'),
  description: z.string().max(20_000).nullable().default(null),
});
export type ListingInput = z.input<typeof ListingInput>;

export const Listing = z.object({
  channelId: z.string(),
  productId: z.string(),
  published: z.boolean(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  updatedAt: z.date(),
});
export type Listing = z.infer<typeof Listing>;

/** A product as one channel shows it: text in its locale, prices in its currency. */
export const ChannelVariant = z.object({
  id: z.string(),
  sku: z.string(),
  gtin: z.string().nullable(),
  options: z.record(z.string(), z.string()),
  price: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  priceSource: z.enum(['channel', 'price_list']).nullable(),
  availableToSell: z.number().int(),
  stockPolicy: z.enum(STOCK_POLICIES),
  availableFrom: z.string().nullable().describe('pre-order release or expected restock date'),
  backorderLimit: z.number().int().nullable(),
  availability: z
    .enum(AVAILABILITIES)
    .describe('what the channel shows: in stock, out of stock, backorder, pre-order'),
});
export type ChannelVariant = z.infer<typeof ChannelVariant>;

export const ChannelProduct = z.object({
  id: z.string(),
  handle: z.string(),
  channelId: z.string(),
  listed: z.boolean(),
  locale: z.string().describe('the locale the text is in (after fallback)'),
  title: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  media: z.array(z.string()),
  currency: z.string(),
  variants: z.array(ChannelVariant),
  availableToSell: z.number().int().describe('sum over the variants'),
});
export type ChannelProduct = z.infer<typeof ChannelProduct>;

// ---- import jobs ----

export const IMPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const ImportJob = z.object({
  id: z.string(),
  format: z.enum(IMPORT_FORMATS),
  source: z.string().nullable(),
  status: z.enum(['running', 'completed', 'failed']),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  bytesRead: z.number().int(),
  bytesTotal: z.number().int().nullable(),
  progress: z.number().min(0).max(1).nullable().describe('bytes read / bytes total, when the size is known'),
  counts: z.record(z.string(), z.number().int()).describe('accepted rows per kind'),
  error: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportRejection = z.object({
  line: z.number().int(),
  reasons: z.array(z.string()),
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type ImportRejection = z.infer<typeof ImportRejection>;

/** An option value's name in a locale: option "colour", value "moss", locale "nl", label "mos". */
export const OptionLabel = z.strictObject({
  option: z.string().min(1).max(50).describe('the option name as variants have it, e.g. colour'),
  value: z.string().min(1).max(100).describe('the value as variants have it, e.g. moss'),
  locale: CatalogLocale,
  label: z.string().trim().min(1).max(100).describe('what shoppers in that locale read'),
});
export type OptionLabel = z.infer<typeof OptionLabel>;
export const OptionLabelsInput = z.strictObject({ labels: z.array(OptionLabel).min(1).max(1000) });
