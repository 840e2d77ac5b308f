// One chunk of a catalog import: its catalog rows in one transaction (all rolled back and reported
// together if something unforeseen fails), then its stock rows through inventory.
import { isAppError } from '../../kernel/index.js';
import type { ImportRejection } from '../../modules/catalog/index.js';
import type { Ctx } from '../../platform/context.js';
import type { ChunkDeps, LineRow, Refuse, Resolver } from './catalog-resolver.js';
import { createCatalogWriters } from './catalog-writers.js';
import type { Scope, StoredChunk } from './import-job.js';
import { reportedRow } from './import-reader.js';
import type { ImportKind, ImportRow } from './import-rows.js';

export function createChunkStore(deps: ChunkDeps) {
  const { catalog } = deps;
  const writers = createCatalogWriters(catalog);

  async function processChunk(
    ctx: Ctx,
    pending: LineRow[],
    resolver: Resolver,
    scope: Scope,
  ): Promise<StoredChunk> {
    const rejected: ImportRejection[] = [];
    const accepted: StoredChunk['accepted'] = [];
    const refuse = (r: LineRow, reasons: string[]) =>
      rejected.push({ line: r.line, reasons, row: reportedRow(r.raw) });
    const of = <K extends ImportKind>(kind: K) =>
      pending.filter((r): r is LineRow<Extract<ImportRow, { kind: K }>> => r.row.kind === kind);

    const catalogRows = pending.filter((r) => r.row.kind !== 'stock');
    if (catalogRows.length) {
      const chunkRejected: ImportRejection[] = [];
      try {
        await scope(ctx, async (tx) => {
          const rejectOnce: typeof refuse = (r, reasons) =>
            chunkRejected.push({ line: r.line, reasons, row: reportedRow(r.raw) });
          await writers.importProducts(tx, of('product'), rejectOnce);
          await writers.importVariants(tx, of('variant'), rejectOnce, resolver.skuLines);
          await writers.importPrices(tx, of('price'), rejectOnce, resolver);
          await writers.importListings(tx, of('listing'), rejectOnce, resolver);
        });
        rejected.push(...chunkRejected);
        const bad = new Set(chunkRejected.map((r) => r.line));
        for (const r of catalogRows)
          if (!bad.has(r.line)) accepted.push({ lines: [r.line], kind: r.row.kind });
      } catch (err) {
        // Something the row checks could not foresee (e.g. a concurrent writer took a SKU): the
        // chunk's catalog rows were rolled back together, so report them all.
        const reason = isAppError(err) ? err.message : 'could not be stored';
        if (!isAppError(err)) ctx.log.error({ err }, 'import chunk failed');
        for (const r of catalogRows) refuse(r, [reason]);
      }
    }
    const stock = await importStock(ctx, of('stock'), refuse, resolver, scope);
    for (const r of stock) accepted.push({ lines: [r.line], kind: 'stock' });
    return { accepted, rejected };
  }

  /** Stock rows go to inventory in one call per chunk; if that is refused, row by row. Returns the stored rows. */
  async function importStock(
    ctx: Ctx,
    rows: LineRow<Extract<ImportRow, { kind: 'stock' }>>[],
    refuse: Refuse,
    resolver: Resolver,
    scope: Scope,
  ): Promise<LineRow[]> {
    if (!rows.length) return [];
    const inventory = deps.inventory;
    if (!inventory) {
      for (const r of rows) refuse(r, ['stock rows need the inventory module, which is not running here']);
      return [];
    }
    const skus = new Set(
      (
        await catalog.findVariantsBySkus(
          ctx,
          rows.map((r) => r.row.sku),
        )
      ).map((v) => v.sku),
    );
    const ready: Array<{ r: (typeof rows)[number]; locationId: string }> = [];
    for (const r of rows) {
      const locationId = await resolver.location(ctx, r.row.location);
      const reasons = [
        ...(skus.has(r.row.sku) ? [] : [`sku: no variant has SKU ${r.row.sku}`]),
        ...(locationId ? [] : [`location: no stock location ${r.row.location}`]),
      ];
      if (reasons.length) refuse(r, reasons);
      else ready.push({ r, locationId: locationId! });
    }
    const entry = (x: (typeof ready)[number]) => ({
      sku: x.r.row.sku,
      locationId: x.locationId,
      quantity: x.r.row.quantity,
      reason: 'import',
    });
    try {
      if (ready.length) await scope(ctx, (tx) => inventory.setOnHandMany(tx, ready.map(entry)));
      return ready.map((x) => x.r);
    } catch {
      const ok: LineRow[] = [];
      for (const x of ready) {
        try {
          await scope(ctx, (tx) => inventory.setOnHandMany(tx, [entry(x)]));
          ok.push(x.r);
        } catch (err) {
          refuse(x.r, [isAppError(err) ? err.message : 'could not be stored']);
        }
      }
      return ok;
    }
  }

  return processChunk;
}
