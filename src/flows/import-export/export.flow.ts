// Export of the catalog in the import format (CSV or NDJSON), streamed page by page: products with
// their texts, variants, prices and listings, then on-hand stock per location. Channels, price lists
// and locations are named by code, so the file imports into another hub as it is.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CatalogService, ImportFormat } from '../../modules/catalog/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { IMPORT_COLUMNS, type ImportRow, neutraliseFormula, toCsvRecord } from './import-rows.js';

const PAGE = 200;
const STOCK_PAGE = 1000;

/** What the export reads of inventory (the inventory service has this shape). */
export interface StockReader {
  listLocations(ctx: Ctx): Promise<Array<{ id: string; code: string }>>;
  levelsAtLocation(
    ctx: Ctx,
    locationId: string,
    opts: { after?: string | undefined; limit: number },
  ): Promise<Array<{ sku: string; onHand: number }>>;
}

export interface ExportDeps {
  catalog: CatalogService;
  channels: Pick<ChannelsService, 'listChannels'>;
  /** Without it, no stock rows are exported. */
  inventory?: StockReader | undefined;
}

export async function* catalogRows(ctx: Ctx, deps: ExportDeps): AsyncGenerator<ImportRow> {
  const { catalog } = deps;
  const channelCode = new Map((await deps.channels.listChannels(ctx)).map((c) => [c.id, c.code]));
  const codeOf = (channelId: string) => channelCode.get(channelId) ?? channelId;
  let after: string | undefined;
  for (;;) {
    const { products, prices, listings } = await catalog.exportPage(ctx, after, PAGE);
    if (products.length === 0) break;
    const out: ImportRow[] = [];
    const skuOf = new Map(products.flatMap((p) => p.variants.map((v) => [v.id, v.sku] as const)));
    for (const p of products) {
      // The default locale's row first, carrying the product-wide fields.
      const locales = Object.keys(p.content).sort((a, b) =>
        a === p.defaultLocale ? -1 : b === p.defaultLocale ? 1 : a.localeCompare(b),
      );
      locales.forEach((locale, i) => {
        const text = p.content[locale]!;
        out.push(
          i === 0
            ? {
                kind: 'product',
                handle: p.handle,
                locale,
                title: text.title,
                description: text.description || undefined,
                categories: p.categories,
                media: p.media,
                vendor: p.vendor ?? undefined,
                tags: p.tags,
                status: p.status,
                default_locale: p.defaultLocale,
              }
            : {
                kind: 'product',
                handle: p.handle,
                locale,
                title: text.title,
                description: text.description || undefined,
              },
        );
      });
      for (const v of p.variants) {
        out.push({
          kind: 'variant',
          handle: p.handle,
          sku: v.sku,
          gtin: v.gtin ?? undefined,
          options: v.options,
          // Only what differs from the default, so a file of ordinary variants reads as before.
          stock_policy: v.stockPolicy === 'deny' ? undefined : v.stockPolicy,
          available_from: v.availableFrom ?? undefined,
          backorder_limit: v.backorderLimit ?? undefined,
        });
      }
    }
    for (const price of prices) {
      out.push({
        kind: 'price',
        sku: skuOf.get(price.variantId)!,
        price_list: price.priceListCode ?? undefined,
        channel: price.channelId ? codeOf(price.channelId) : undefined,
        currency: price.currency,
        amount: price.amount,
        compare_at: price.compareAtAmount ?? undefined,
      });
    }
    const handleOf = new Map(products.map((p) => [p.id, p.handle]));
    for (const l of listings) {
      out.push({
        kind: 'listing',
        channel: codeOf(l.channelId),
        handle: handleOf.get(l.productId)!,
        published: l.published,
        title: l.title ?? undefined,
      });
    }
    yield* out;
    after = products.at(-1)!.id;
  }
  if (deps.inventory) yield* stockRows(ctx, deps.inventory);
}

/** On-hand per location and SKU (reservations are not exported: they belong to live carts and orders). */
async function* stockRows(ctx: Ctx, inventory: StockReader): AsyncGenerator<ImportRow> {
  for (const location of await inventory.listLocations(ctx)) {
    let after: string | undefined;
    for (;;) {
      const levels = await inventory.levelsAtLocation(ctx, location.id, { after, limit: STOCK_PAGE });
      for (const level of levels) {
        yield { kind: 'stock', sku: level.sku, location: location.code, quantity: level.onHand };
      }
      if (levels.length < STOCK_PAGE) break;
      after = levels.at(-1)!.sku;
    }
  }
}

/**
 * The export as a byte stream in the chosen format. CSV cells that a spreadsheet would run as a
 * formula are neutralised unless `formulas: 'verbatim'` (for machine consumers).
 */
export function exportCatalog(
  ctx: Ctx,
  deps: ExportDeps,
  format: ImportFormat,
  opts: { formulas?: 'neutralise' | 'verbatim' } = {},
): Readable {
  const rows = Readable.from(catalogRows(ctx, deps));
  if (format === 'ndjson') {
    return Readable.from(
      (async function* () {
        for await (const row of rows) yield `${JSON.stringify(row)}\n`;
      })(),
    );
  }
  const csv = stringify({ header: true, columns: [...IMPORT_COLUMNS] });
  rows.on('error', (err) => csv.destroy(err));
  const verbatim = opts.formulas === 'verbatim';
  const record = (row: ImportRow) => {
    const r = toCsvRecord(row);
    if (!verbatim) for (const c of IMPORT_COLUMNS) r[c] = neutraliseFormula(r[c]);
    return r;
  };
  return rows.map(record).pipe(csv);
}
