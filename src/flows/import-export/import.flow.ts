// Bulk import of products, variants, prices, listings and stock from CSV or NDJSON, streamed: rows
// are parsed as bytes arrive and written in chunks (one catalog transaction per chunk, stock through
// inventory), so memory stays flat whatever the file size. Each bad row is rejected with its line
// number and reasons; every valid row is stored. Progress is recorded on the import job per chunk.
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { AppError, isAppError } from '../../kernel/index.js';
import type {
  CatalogService,
  ImportFormat,
  ImportJob,
  ImportRejection,
  ProductUpsert,
  Rejection,
} from '../../modules/catalog/index.js';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import type { DialectTargets, ImportDialect, ImportTargetKind } from './import-dialect.js';
import {
  createJobRunner,
  type DryRunReport,
  type ImportTarget,
  type Scope,
  type StoredChunk,
} from './import-job.js';
import { reportedRow } from './import-reader.js';
import { IMPORT_COLUMNS, type ImportKind, type ImportRow, parseImportRow } from './import-rows.js';
import {
  createPeopleImports,
  type PeopleImportDeps,
  type PeopleImportRequest,
  type PeopleImports,
} from './people-imports.flow.js';

/** What imports need from inventory (the inventory service has this shape). */
export interface StockWriter {
  getLocation(ctx: Ctx, idOrCode: string): Promise<{ id: string }>;
  setOnHandMany(
    ctx: Ctx,
    entries: Array<{ sku: string; locationId: string; quantity: number; reason?: string }>,
  ): Promise<unknown>;
}

export interface ImportDeps {
  channels: ChannelsService;
  catalog: CatalogService;
  inventory?: StockWriter | undefined;
  /** Other platforms' CSV exports recognised by their header (Shopify, WooCommerce). */
  dialects?: readonly ImportDialect[] | undefined;
  /** Customer and order-history imports (customers, orders, connectors). */
  people?: Omit<PeopleImportDeps, 'channels'> | undefined;
}

export interface ImportRequest {
  format: ImportFormat;
  input: Readable;
  source?: string | null;
  /** The size of the input, when known, for progress as a fraction. */
  bytesTotal?: number | null;
  chunkSize?: number;
  onProgress?: (job: ImportJob) => void;
  /** Where another platform's export puts prices, listings and stock (by code). */
  targets?: { priceList?: string | undefined; channel?: string | undefined; location?: string | undefined };
}

interface LineRow<R = ImportRow> {
  line: number;
  row: R;
  raw: Record<string, unknown>;
}

// Bigger loads than this refresh the planner statistics when they finish.
const ANALYZE_AFTER_ROWS = 1000;

export function createImportFlow(deps: ImportDeps) {
  const { catalog, channels } = deps;
  const jobs = createJobRunner(catalog);
  const dialectsFor = (kind: ImportTargetKind) =>
    (deps.dialects ?? []).filter((d) => (d.target ?? 'catalog') === kind);

  /** The catalog import as a job target: rows validated one by one, stored a chunk at a time. */
  function catalogTarget(): ImportTarget<LineRow> {
    const resolver = createResolver();
    let analyzedAt = ANALYZE_AFTER_ROWS;
    return {
      native: { columns: IMPORT_COLUMNS, required: ['kind'] },
      dialects: dialectsFor('catalog'),
      take(line, raw) {
        const parsed = parseImportRow(raw);
        return parsed.ok
          ? [{ unit: { line, row: parsed.row, raw }, lines: [line] }]
          : [{ line, reasons: parsed.reasons, raw }];
      },
      finish: () => [],
      store: (ctx, units, scope) =>
        processChunk(
          ctx,
          units.map((u) => u.unit),
          resolver,
          scope,
        ),
      report: reportedRow,
      async afterChunk(ctx, accepted, last) {
        // Tables that grow from empty keep the planner's "tiny table" plans until analyzed, and
        // those plans scan whole tables per chunk: refresh at each doubling and at the end.
        if (last ? accepted >= ANALYZE_AFTER_ROWS : accepted >= analyzedAt) {
          await refreshStatistics(ctx);
          while (analyzedAt <= accepted) analyzedAt *= 2;
        }
      },
    };
  }

  async function runImport(ctx: Ctx, req: ImportRequest): Promise<ImportJob> {
    const targets = await dialectTargets(ctx, req.targets);
    return jobs.run(ctx, { ...req, targets }, catalogTarget());
  }

  /** Validates a catalog file without writing anything: the result of every line. */
  async function dryRunImport(ctx: Ctx, req: ImportRequest): Promise<DryRunReport> {
    const targets = await dialectTargets(ctx, req.targets);
    return jobs.dryRun(ctx, { ...req, targets }, catalogTarget());
  }

  /** The price list's currency is what another platform's decimal prices are read in. */
  async function dialectTargets(ctx: Ctx, t: ImportRequest['targets']): Promise<DialectTargets> {
    if (!t) return {};
    const list = t.priceList
      ? await catalog.getPriceList(ctx, t.priceList).catch((err: unknown) => {
          if (!isAppError(err, 'not_found')) throw err;
          throw new AppError('validation_failed', `No price list ${t.priceList}`, {
            issues: [{ path: 'querystring.price_list', message: `no price list ${t.priceList}` }],
          });
        })
      : undefined;
    return {
      priceList: list ? { code: list.code, currency: list.currency } : undefined,
      channel: t.channel,
      location: t.location,
    };
  }

  // Look-ups repeated across rows are made once per import (on the caller's ctx: inside a chunk's
  // transaction that is the transaction, which PGlite's single connection requires).
  function createResolver() {
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
  type Resolver = ReturnType<typeof createResolver>;

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
          await importProducts(tx, of('product'), rejectOnce);
          await importVariants(tx, of('variant'), rejectOnce, resolver.skuLines);
          await importPrices(tx, of('price'), rejectOnce, resolver);
          await importListings(tx, of('listing'), rejectOnce, resolver);
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

  async function importProducts(
    ctx: Ctx,
    rows: LineRow<Extract<ImportRow, { kind: 'product' }>>[],
    refuse: Refuse,
  ) {
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
    rows: LineRow<Extract<ImportRow, { kind: 'variant' }>>[],
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
      })),
    );
    refuseRejections(outcome.rejected, (i) => [known[i]!], refuse);
  }

  async function importPrices(
    ctx: Ctx,
    rows: LineRow<Extract<ImportRow, { kind: 'price' }>>[],
    refuse: Refuse,
    resolver: Resolver,
  ) {
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
      const items = group.map((r) => ({ sku: r.row.sku, amount: r.row.amount, currency: r.row.currency }));
      const outcome =
        'listId' in target
          ? await catalog.setPrices(ctx, target.listId, items)
          : await catalog.setChannelPrices(ctx, target.channel, items);
      refuseRejections(outcome.rejected, (i) => [group[i]!], refuse);
    }
  }

  async function importListings(
    ctx: Ctx,
    rows: LineRow<Extract<ImportRow, { kind: 'listing' }>>[],
    refuse: Refuse,
    resolver: Resolver,
  ) {
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

  const people = deps.people ? createPeopleImports({ ...deps.people, channels }, jobs, dialectsFor) : null;
  const needPeople = (): PeopleImports => {
    if (!people)
      throw new AppError('command_unavailable', 'Customer and order imports are not wired in this hub');
    return people;
  };

  return {
    runImport,
    dryRunImport,
    importCustomers: (ctx: Ctx, req: PeopleImportRequest) => needPeople().importCustomers(ctx, req),
    dryRunCustomers: (ctx: Ctx, req: PeopleImportRequest) => needPeople().dryRunCustomers(ctx, req),
    importHistory: (ctx: Ctx, req: PeopleImportRequest) => needPeople().importHistory(ctx, req),
    dryRunHistory: (ctx: Ctx, req: PeopleImportRequest) => needPeople().dryRunHistory(ctx, req),
  };
}

export type ImportFlow = ReturnType<typeof createImportFlow>;

/** Planner statistics for every table a bulk load touches (catalog, inventory, events). */
async function refreshStatistics(ctx: Ctx): Promise<void> {
  await ctx.db.execute(sql`analyze`);
}

type Refuse = (r: LineRow, reasons: string[]) => void;

function refuseRejections(rejected: Rejection[], rowsOf: (index: number) => LineRow[], refuse: Refuse) {
  for (const r of rejected) for (const row of rowsOf(r.index)) refuse(row, [r.reason]);
}
