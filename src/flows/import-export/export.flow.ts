// Export of the catalog in the import format (CSV or NDJSON), streamed page by page: products with
// their texts, variants, prices (price lists by code, channel prices by channel id) and listings.
// Stock is not exported here: on-hand belongs to inventory, which has its own reads.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CatalogService, ImportFormat } from '../../modules/catalog/index.js';
import type { Ctx } from '../../platform/context.js';
import { IMPORT_COLUMNS, type ImportRow, neutraliseFormula, toCsvRecord } from './import-rows.js';

const PAGE = 200;

export async function* catalogRows(ctx: Ctx, catalog: CatalogService): AsyncGenerator<ImportRow> {
  let after: string | undefined;
  for (;;) {
    const { products, prices, listings } = await catalog.exportPage(ctx, after, PAGE);
    if (products.length === 0) return;
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
        });
      }
    }
    for (const price of prices) {
      out.push({
        kind: 'price',
        sku: skuOf.get(price.variantId)!,
        price_list: price.priceListCode ?? undefined,
        channel: price.channelId ?? undefined,
        currency: price.currency,
        amount: price.amount,
      });
    }
    const handleOf = new Map(products.map((p) => [p.id, p.handle]));
    for (const l of listings) {
      out.push({
        kind: 'listing',
        channel: l.channelId,
        handle: handleOf.get(l.productId)!,
        published: l.published,
        title: l.title ?? undefined,
      });
    }
    yield* out;
    after = products.at(-1)!.id;
  }
}

/**
 * The export as a byte stream in the chosen format. CSV cells that a spreadsheet would run as a
 * formula are neutralised unless `formulas: 'verbatim'` (for machine consumers).
 */
export function exportCatalog(
  ctx: Ctx,
  catalog: CatalogService,
  format: ImportFormat,
  opts: { formulas?: 'neutralise' | 'verbatim' } = {},
): Readable {
  const rows = Readable.from(catalogRows(ctx, catalog));
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
