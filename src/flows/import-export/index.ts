// Bulk import and export of the catalog (products, variants, prices, listings) and stock, as CSV or
// NDJSON, streamed, with progress and a rejected-rows report.
export { catalogRows, type ExportDeps, exportCatalog, type StockReader } from './export.flow.js';
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
  slugify,
  type Translated,
} from './import-dialect.js';
export { importExportRoutes } from './import-export.routes.js';
export { IMPORT_COLUMNS, type ImportRow, parseImportRow } from './import-rows.js';
