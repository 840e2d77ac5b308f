// A till's product grid: the favourites a manager picks per channel (a store's till sells on its
// store channel), kept on the hub so every device of the till shows the same grid. Only SKUs the
// catalog knows are kept; a change is one `catalog.favourites_changed` event, which the tills follow.
import { fail, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendCatalogEvents, CATALOG_EVENTS } from './catalog.events.js';
import { replaceFavourites, selectFavourites } from './catalog.favourites.repository.js';
import { selectVariantRowsBySkus } from './catalog.repository.js';

/** Favourites naming SKUs no variant has: their places in the list, so the form can point at them. */
export interface UnknownFavourites {
  reason: 'unknown_sku';
  unknown: Array<{ index: number; sku: string }>;
}

export const favouritesOf = (ctx: Ctx, channelId: string): Promise<string[]> =>
  selectFavourites(ctx.db, channelId);

/** Replaces the channel's favourites (the caller has checked the channel exists); duplicates drop. */
export async function setFavourites(
  ctx: Ctx,
  channelId: string,
  skus: string[],
): Promise<Result<string[], UnknownFavourites>> {
  const wanted = [...new Set(skus)];
  return inTransaction(ctx, async (tx) => {
    const known = new Set((await selectVariantRowsBySkus(tx.db, wanted)).map((v) => v.sku));
    const unknown = skus.flatMap((sku, index) => (known.has(sku) ? [] : [{ index, sku }]));
    if (unknown.length > 0) return fail({ reason: 'unknown_sku' as const, unknown });
    await replaceFavourites(tx.db, channelId, wanted, tx.clock.now());
    await appendCatalogEvents(tx, [
      {
        type: CATALOG_EVENTS.favouritesChanged,
        subject: channelId,
        channelId,
        payload: { channelId, skus: wanted },
      },
    ]);
    return ok(wanted);
  });
}
