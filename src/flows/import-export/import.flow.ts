// Bulk import of products, variants, prices, listings and stock from CSV or NDJSON, streamed: rows
// are parsed as bytes arrive and written in chunks (one catalog transaction per chunk, stock through
// inventory), so memory stays flat whatever the file size. Each bad row is rejected with its line
// number and reasons; every valid row is stored. Progress is recorded on the import job per chunk.
import type { Readable } from 'node:stream';
import { AppError, isAppError } from '../../kernel/index.js';
import type { CatalogService, ImportFormat, ImportJob } from '../../modules/catalog/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { refreshStatistics } from '../../platform/db/statistics.js';
import { createChunkStore } from './catalog-chunk.js';
import type { LineRow } from './catalog-resolver.js';
import { createResolver, type StockWriter } from './catalog-resolver.js';
import type { DialectTargets, ImportDialect, ImportTargetKind } from './import-dialect.js';
import { createJobRunner, type DryRunReport, type ImportTarget } from './import-job.js';
import { reportedRow } from './import-reader.js';
import { IMPORT_COLUMNS, parseImportRow } from './import-rows.js';
import {
  createPeopleImports,
  type PeopleImportDeps,
  type PeopleImportRequest,
  type PeopleImports,
} from './people-imports.flow.js';

export type { StockWriter } from './catalog-resolver.js';

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

// Bigger loads than this refresh the planner statistics when they finish.
const ANALYZE_AFTER_ROWS = 1000;

export function createImportFlow(deps: ImportDeps) {
  const { catalog, channels } = deps;
  const jobs = createJobRunner(catalog);
  const storeChunk = createChunkStore(deps);
  const dialectsFor = (kind: ImportTargetKind) =>
    (deps.dialects ?? []).filter((d) => (d.target ?? 'catalog') === kind);

  /** The catalog import as a job target: rows validated one by one, stored a chunk at a time. */
  function catalogTarget(): ImportTarget<LineRow> {
    const resolver = createResolver(deps);
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
        storeChunk(
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
          if (last) await catalog.settleSearchIndexes(ctx);
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
