// The row format shared by CSV and NDJSON imports and exports. Each row has a `kind`:
//   product  handle, locale, title, description, categories (a|b), media (url|url), status, default_locale,
//            vendor, tags (a|b)
//   variant  handle, sku, gtin, options (size=M;color=red, or an object in NDJSON), stock_policy
//            (deny, backorder, preorder), available_from (YYYY-MM-DD), backorder_limit
//   price    sku, price_list (id or code) or channel (id or code), currency, amount (minor units),
//            compare_at (the "was" price, minor units)
//   listing  channel, handle, published, title
//   stock    sku, location (id or code), quantity
// Rows refer to rows above them (a variant after its product) or to records already in the hub.
import { z } from 'zod';
import {
  CalendarDate,
  CatalogCurrency,
  CatalogLocale,
  Category,
  Gtin,
  Handle,
  MediaUrl,
  PRODUCT_STATUSES,
  ProductTag,
  Sku,
  STOCK_POLICIES,
  Vendor,
} from '../../modules/catalog/index.js';

export const IMPORT_COLUMNS = [
  'kind',
  'handle',
  'locale',
  'title',
  'description',
  'categories',
  'media',
  'status',
  'default_locale',
  'vendor',
  'tags',
  'sku',
  'gtin',
  'options',
  'price_list',
  'channel',
  'currency',
  'amount',
  'compare_at',
  'published',
  'location',
  'quantity',
  'stock_policy',
  'available_from',
  'backorder_limit',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const Ref = z.string().min(1).max(100);
const Amount = z
  .number({ error: 'a whole, non-negative number of minor units (12950 for 129.50)' })
  .int('a whole, non-negative number of minor units (12950 for 129.50)')
  .nonnegative('a whole, non-negative number of minor units (12950 for 129.50)')
  .max(1e13);

const ProductRow = z.strictObject({
  kind: z.literal('product'),
  handle: Handle,
  locale: CatalogLocale.optional(),
  title: z.string().min(1).max(300).optional(),
  description: z.string().max(20_000).optional(),
  categories: z.array(Category).max(50).optional(),
  media: z.array(MediaUrl).max(50).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  default_locale: CatalogLocale.optional(),
  vendor: Vendor.optional(),
  tags: z.array(ProductTag).max(250).optional(),
});
const VariantRow = z.strictObject({
  kind: z.literal('variant'),
  handle: Handle,
  sku: Sku,
  gtin: Gtin.optional(),
  options: z.record(z.string().min(1).max(50), z.string().max(100)).optional(),
  stock_policy: z.enum(STOCK_POLICIES).optional(),
  available_from: CalendarDate.optional(),
  backorder_limit: z
    .number({ error: 'a whole number of units, 1 or more' })
    .int('a whole number of units, 1 or more')
    .positive('a whole number of units, 1 or more')
    .max(100_000)
    .optional(),
});
const PriceRow = z
  .strictObject({
    kind: z.literal('price'),
    sku: Sku,
    price_list: Ref.optional(),
    channel: Ref.optional(),
    currency: CatalogCurrency,
    amount: Amount,
    compare_at: Amount.optional(),
  })
  .refine((r) => !!r.price_list !== !!r.channel, 'give either price_list or channel');
const ListingRow = z.strictObject({
  kind: z.literal('listing'),
  channel: Ref,
  handle: Handle,
  published: z.boolean().default(true),
  title: z.string().min(1).max(300).optional(),
});
const StockRow = z.strictObject({
  kind: z.literal('stock'),
  sku: Sku,
  location: Ref,
  quantity: z.number({ error: 'a whole number, 0 or more' }).int('a whole number').nonnegative().max(1e9),
});

const ImportRowSchema = z.discriminatedUnion('kind', [
  ProductRow,
  VariantRow,
  PriceRow,
  ListingRow,
  StockRow,
]);
export type ImportRow = z.infer<typeof ImportRowSchema>;
export type ImportKind = ImportRow['kind'];

const list = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

const options = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const out: Record<string, string> = {};
  for (const part of v.split(';')) {
    const [k, ...rest] = part.split('=');
    if (k?.trim()) out[k.trim()] = rest.join('=').trim();
  }
  return out;
};

// Numbers from CSV text: only plain integers convert; "12.50" or "-3" stay as given and fail below
// with a reason, so a fractional or negative amount is rejected rather than rounded.
const integer = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v);
const boolean = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  return ['true', '1', 'yes', 'y'].includes(s) ? true : ['false', '0', 'no', 'n'].includes(s) ? false : v;
};

const NORMALIZE: Partial<Record<ImportColumn, (v: unknown) => unknown>> = {
  categories: list,
  media: list,
  tags: list,
  options,
  amount: integer,
  compare_at: integer,
  quantity: integer,
  backorder_limit: integer,
  published: boolean,
};

export type ParsedRow = { ok: true; row: ImportRow } | { ok: false; reasons: string[] };

/** Validates one row read from CSV (strings; empty = absent) or NDJSON (JSON values). */
export function parseImportRow(raw: unknown): ParsedRow {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reasons: ['a row must be an object'] };
  }
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === '' || value === null || value === undefined) continue;
    const v = typeof value === 'string' ? value.trim() : value;
    if (v === '') continue;
    clean[key] = NORMALIZE[key as ImportColumn]?.(v) ?? v;
  }
  const r = ImportRowSchema.safeParse(clean);
  if (r.success) return { ok: true, row: r.data };
  return {
    ok: false,
    reasons: r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
  };
}

/** A row as CSV cells (the inverse of the normalization above). */
export function toCsvRecord(row: ImportRow): Record<ImportColumn, string> {
  const out = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<ImportColumn, string>;
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined || v === null) continue;
    out[k as ImportColumn] = Array.isArray(v)
      ? v.join('|')
      : typeof v === 'object'
        ? Object.entries(v as Record<string, string>)
            .map(([a, b]) => `${a}=${b}`)
            .join(';')
        : String(v);
  }
  return out;
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula ("CSV injection"):
 * such text cells are exported behind a ' so they show as text; plain numbers are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The reverse on import, so a neutralised export imports back as the text it was. */
export function restoreNeutralisedFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
