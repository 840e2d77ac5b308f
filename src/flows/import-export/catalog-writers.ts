// The catalog rows of one import chunk, written kind by kind inside the chunk's transaction: each
// kind is one batch call to the catalog, and what the catalog refuses is reported by line.
import type { CatalogService, ProductUpsert, Rejection } from '../../modules/catalog/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import type { LineRow, Refuse, Resolver } from './catalog-resolver.js';
import type { ImportRow } from './import-rows.js';

type RowsOf<K extends ImportRow['kind']> = LineRow<Extract<ImportRow, { kind: K }>>[];

export function createCatalogWriters(catalog: CatalogService) {
  async function importProducts(ctx: Ctx, rows: RowsOf<'product'>, refuse: Refuse) {
    const byHandle = new Map<string, { item: ProductUpsert; rows: LineRow[] }>();
    for (const r of rows) {
      const p = r.row;
      if (p.description !== undefined && p.title === undefined) {
        refuse(r, ['description: give the title in the same row']);
        continue;
      }
      const entry = byHandle.get(p.handle) ?? { item: { handle: p.handle, texts: {} }, rows: [] };
      const item = entry.item;
      if (p.title !== undefined) {
        item.texts[p.locale ?? p.default_locale ?? 'en'] = {
          title: p.title,
          description: p.description ?? '',
        };
      }
      if (p.status) item.status = p.status;
      if (p.default_locale) item.defaultLocale = p.default_locale;
      else if (!item.defaultLocale && p.locale && Object.keys(item.texts).length === 1)
        item.defaultLocale = p.locale;
      if (p.categories) item.categories = p.categories;
      if (p.media) item.media = p.media;
      if (p.vendor) item.vendor = p.vendor;
      if (p.tags) item.tags = p.tags;
      entry.rows.push(r);
      byHandle.set(p.handle, entry);
    }
    const entries = [...byHandle.values()];
    const outcome = await catalog.upsertProducts(
      ctx,
      entries.map((e) => e.item),
    );
    refuseRejections(outcome.rejected, (i) => entries[i]!.rows, refuse);
  }

  async function importVariants(
    ctx: Ctx,
    rows: RowsOf<'variant'>,
    refuse: Refuse,
    skuLines: Map<string, number>,
  ) {
    if (!rows.length) return;
    const products = await catalog.findProductsByHandles(ctx, [...new Set(rows.map((r) => r.row.handle))]);
    const idOf = new Map(products.map((p) => [p.handle, p.id]));
    const known = rows.filter((r) => {
      const earlier = skuLines.get(r.row.sku);
      if (earlier !== undefined) {
        refuse(r, [`sku: SKU ${r.row.sku} appears twice in this file (line ${earlier})`]);
        return false;
      }
      if (!idOf.has(r.row.handle)) {
        refuse(r, [`handle: no product ${r.row.handle} (in this file above, or in the hub)`]);
        return false;
      }
      skuLines.set(r.row.sku, r.line);
      return true;
    });
    const outcome = await catalog.upsertVariants(
      ctx,
      known.map((r) => ({
        productId: idOf.get(r.row.handle)!,
        sku: r.row.sku,
        gtin: r.row.gtin,
        options: r.row.options,
        stockPolicy: r.row.stock_policy,
        availableFrom: r.row.available_from,
        backorderLimit: r.row.backorder_limit,
      })),
    );
    refuseRejections(outcome.rejected, (i) => [known[i]!], refuse);
  }

  async function importPrices(ctx: Ctx, rows: RowsOf<'price'>, refuse: Refuse, resolver: Resolver) {
    const groups = new Map<
      string,
      { target: { listId: string } | { channel: Channel }; rows: typeof rows }
    >();
    for (const r of rows) {
      const key = r.row.price_list ? `pl:${r.row.price_list}` : `ch:${r.row.channel}`;
      let group = groups.get(key);
      if (!group) {
        if (r.row.price_list) {
          const list = await resolver.priceList(ctx, r.row.price_list);
          if (!list) {
            refuse(r, [`price_list: no price list ${r.row.price_list}`]);
            continue;
          }
          group = { target: { listId: list.id }, rows: [] };
        } else {
          const channel = await resolver.channel(ctx, r.row.channel!);
          if (!channel) {
            refuse(r, [`channel: no channel ${r.row.channel}`]);
            continue;
          }
          group = { target: { channel }, rows: [] };
        }
        groups.set(key, group);
      }
      group.rows.push(r);
    }
    for (const { target, rows: group } of groups.values()) {
      const items = group.map((r) => ({
        sku: r.row.sku,
        amount: r.row.amount,
        currency: r.row.currency,
        ...(r.row.compare_at !== undefined ? { compareAtAmount: r.row.compare_at } : {}),
      }));
      const outcome =
        'listId' in target
          ? await catalog.setPrices(ctx, target.listId, items)
          : await catalog.setChannelPrices(ctx, target.channel, items);
      refuseRejections(outcome.rejected, (i) => [group[i]!], refuse);
    }
  }

  async function importListings(ctx: Ctx, rows: RowsOf<'listing'>, refuse: Refuse, resolver: Resolver) {
    const byChannel = new Map<string, { channel: Channel; rows: typeof rows }>();
    for (const r of rows) {
      const channel = await resolver.channel(ctx, r.row.channel);
      if (!channel) {
        refuse(r, [`channel: no channel ${r.row.channel}`]);
        continue;
      }
      const group = byChannel.get(channel.id) ?? { channel, rows: [] };
      group.rows.push(r);
      byChannel.set(channel.id, group);
    }
    for (const { channel, rows: group } of byChannel.values()) {
      const outcome = await catalog.setListings(
        ctx,
        channel.id,
        group.map((r) => ({ product: r.row.handle, published: r.row.published, title: r.row.title ?? null })),
      );
      refuseRejections(outcome.rejected, (i) => [group[i]!], refuse);
    }
  }

  return { importProducts, importVariants, importPrices, importListings };
}

export function refuseRejections(
  rejected: Rejection[],
  rowsOf: (index: number) => LineRow[],
  refuse: Refuse,
) {
  for (const r of rejected) for (const row of rowsOf(r.index)) refuse(row, [r.reason]);
}
