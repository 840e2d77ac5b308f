// What a catalog import chunk resolves by code or id (price lists, channels, locations), looked up
// once per import, and the shapes the chunk's writers share.
import type { CatalogService } from '../../modules/catalog/index.js';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import type { ImportRow } from './import-rows.js';

export interface LineRow<R = ImportRow> {
  line: number;
  row: R;
  raw: Record<string, unknown>;
}
export type Refuse = (r: LineRow, reasons: string[]) => void;
/** What imports need from inventory (the inventory service has this shape). */
export interface StockWriter {
  getLocation(ctx: Ctx, idOrCode: string): Promise<{ id: string }>;
  setOnHandMany(
    ctx: Ctx,
    entries: Array<{ sku: string; locationId: string; quantity: number; reason?: string }>,
  ): Promise<unknown>;
}

export interface ChunkDeps {
  catalog: CatalogService;
  channels: ChannelsService;
  inventory?: StockWriter | undefined;
}

// Look-ups repeated across rows are made once per import (on the caller's ctx: inside a chunk's
// transaction that is the transaction, which PGlite's single connection requires).
export function createResolver(deps: ChunkDeps) {
  const { catalog, channels } = deps;
  const lists = new Map<string, Promise<{ id: string; currency: string } | null>>();
  const chans = new Map<string, Promise<Channel | null>>();
  const locations = new Map<string, Promise<string | null>>();
  return {
    /** Variant SKUs seen in this file, with their line: a SKU twice in one file is a mistake. */
    skuLines: new Map<string, number>(),
    priceList: (ctx: Ctx, ref: string) => {
      if (!lists.has(ref))
        lists.set(
          ref,
          catalog.getPriceList(ctx, ref).catch(() => null),
        );
      return lists.get(ref)!;
    },
    channel: (ctx: Ctx, ref: string) => {
      if (!chans.has(ref))
        chans.set(
          ref,
          channels.findChannel(ctx, ref).then((c) => c ?? null),
        );
      return chans.get(ref)!;
    },
    location: (ctx: Ctx, ref: string) => {
      if (!deps.inventory) return Promise.resolve(null);
      const inventory = deps.inventory;
      if (!locations.has(ref)) {
        locations.set(
          ref,
          inventory.getLocation(ctx, ref).then(
            (l) => l.id,
            () => null,
          ),
        );
      }
      return locations.get(ref)!;
    },
  };
}
export type Resolver = ReturnType<typeof createResolver>;
