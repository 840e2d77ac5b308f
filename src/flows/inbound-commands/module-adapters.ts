// The modules' services shaped as the inbound command dependencies: catalog upserts keyed on the
// source's product id (handle), imported-order cancellation found by the source's order id.
import { AppError } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import { inTransaction } from '../../platform/context.js';
import type { InboundCommandDeps } from './apply-inbound-commands.flow.js';

const handleOf = (source: string, externalId: string) =>
  `${source}-${externalId}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 128);

/** Products from a source land in the catalog under a stable handle; variants by SKU. */
export function catalogProductUpsert(
  catalog: Pick<CatalogService, 'upsertProducts' | 'upsertVariants'>,
): NonNullable<InboundCommandDeps['upsertProduct']> {
  return (ctx, c, source) =>
    inTransaction(ctx, async (tx) => {
      const handle = handleOf(source.externalSource, c.externalId);
      const products = await catalog.upsertProducts(tx, [
        {
          handle,
          status: c.status,
          texts: { en: { title: c.title, ...(c.description ? { description: c.description } : {}) } },
        },
      ]);
      const productId = products.ids.get(handle);
      if (!productId)
        throw new AppError('product_refused', products.rejected[0]?.reason ?? 'the product was refused');
      const variants = await catalog.upsertVariants(
        tx,
        c.variants.map((v) => ({ productId, sku: v.sku, ...(v.gtin ? { gtin: v.gtin } : {}) })),
      );
      if (variants.rejected.length)
        throw new AppError('product_refused', variants.rejected.map((r) => r.reason).join('; '));
      return { productId };
    });
}

/** Cancels an imported order by the source's id (releasing its stock); null when there is none. */
export function importedOrderCancel(deps: {
  findByExternalId: (
    ctx: Parameters<NonNullable<InboundCommandDeps['cancelImportedOrder']>>[0],
    source: string,
    id: string,
  ) => Promise<{ id: string; status: string } | undefined>;
  cancel: (
    ctx: Parameters<NonNullable<InboundCommandDeps['cancelImportedOrder']>>[0],
    orderId: string,
    reason: string,
  ) => Promise<unknown>;
}): NonNullable<InboundCommandDeps['cancelImportedOrder']> {
  return async (ctx, source, externalId, reason) => {
    const order = await deps.findByExternalId(ctx, source, externalId);
    if (!order) return null;
    if (order.status !== 'cancelled') await deps.cancel(ctx, order.id, reason);
    return { orderId: order.id };
  };
}
