// Bulk import and export of the catalog (products, variants, prices, listings) and stock, as CSV or
// NDJSON, streamed, with progress and a rejected-rows report.

export { CUSTOMER_COLUMNS } from './customer-import.js';
export { catalogRows, type ExportDeps, exportCatalog, type StockReader } from './export.flow.js';
export { HISTORICAL_STATUSES, ORDER_COLUMNS } from './history-import.js';
export {
  createImportFlow,
  type ImportDeps,
  type ImportFlow,
  type ImportRequest,
  type StockWriter,
} from './import.flow.js';
export {
  addPrice,
  addStock,
  categoryOf,
  type DialectTargets,
  type DialectTranslator,
  decimalToMinor,
  htmlToText,
  type ImportDialect,
  type ImportTargetKind,
  slugify,
  type Translated,
  tagsOf,
} from './import-dialect.js';
export { importExportRoutes } from './import-export.routes.js';
export type { DryRunReport } from './import-job.js';
export { IMPORT_COLUMNS, type ImportRow, neutraliseFormula, parseImportRow } from './import-rows.js';
export type { PeopleImportDeps, PeopleImportRequest } from './people-imports.flow.js';
