// Reading an import stream row by row, with line numbers: NDJSON by lines, CSV through csv-parse
// (a bad record is reported and skipped, a bad header stops the import).
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../kernel/index.js';
import type { ImportFormat } from '../../modules/catalog/index.js';
import type { DialectTargets, DialectTranslator, ImportDialect } from './import-dialect.js';
import { IMPORT_COLUMNS, restoreNeutralisedFormula } from './import-rows.js';

export type ReadItem =
  | { line: number; raw: Record<string, unknown> }
  | { line: number; reasons: string[]; raw: unknown };

const REPORTED_ROW_CHARS = 2000;

/** The row as kept in the rejected-rows report (cut short when huge). */
export function reportedRow(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null)
    return raw === undefined ? null : { value: String(raw).slice(0, 200) };
  const text = JSON.stringify(raw);
  return text.length <= REPORTED_ROW_CHARS
    ? (raw as Record<string, unknown>)
    : { truncated: text.slice(0, 200) };
}

export interface ReadOptions {
  /** Other platforms' CSV exports the reader recognises by their header. */
  dialects?: readonly ImportDialect[] | undefined;
  targets?: DialectTargets | undefined;
  /** Told the dialect's name when a header is recognised as another platform's export. */
  onDialect?: ((name: string) => void) | undefined;
}

/**
 * Rows as they are read, with their line numbers (CSV: the line the record ends on). A CSV whose
 * header is a known platform's export is translated record by record into hub rows.
 */
export async function* readRows(
  format: ImportFormat,
  input: Readable,
  opts: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  if (format === 'ndjson') {
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      if (!text.trim()) continue;
      try {
        yield { line, raw: JSON.parse(text) };
      } catch {
        yield { line, reasons: ['not valid JSON'], raw: text };
      }
    }
    return;
  }
  const skipped: ReadItem[] = [];
  let translator: DialectTranslator | undefined;
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    columns: (header: string[]) => {
      const dialect = opts.dialects?.find((d) => d.detect(header.map((h) => h.trim())));
      if (dialect) {
        translator = dialect.start(opts.targets ?? {});
        opts.onDialect?.(dialect.name);
        return header.map((h) => h.trim());
      }
      const names = header.map((h) => h.trim().toLowerCase());
      const unknown = names.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
      if (!names.includes('kind') || unknown.length) {
        throw new AppError(
          'validation_failed',
          `The CSV header must name a kind column and only known columns (${IMPORT_COLUMNS.join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}${opts.dialects?.length ? `, or be one of these exports: ${opts.dialects.map((d) => d.name).join(', ')}` : ''}`,
        );
      }
      return names;
    },
  });
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({ line: err.lines ?? 0, reasons: [err.message], raw: null });
  });
  // pipeline, not pipe: an input that fails (an aborted upload) must fail the parser's iteration
  // instead of being an unhandled 'error' event that ends the process.
  for await (const rec of pipeline(input, parser, () => {}) as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length) yield skipped.shift()!;
    if (!translator) {
      yield { line: rec.info.lines, raw: restoreCells(rec.record) };
      continue;
    }
    const { rows, problems } = translator.translate(rec.record);
    if (problems.length) yield { line: rec.info.lines, reasons: problems, raw: rec.record };
    for (const raw of rows) yield { line: rec.info.lines, raw };
  }
  while (skipped.length) yield skipped.shift()!;
}

function restoreCells(record: Record<string, string>): Record<string, string> {
  for (const k of Object.keys(record)) record[k] = restoreNeutralisedFormula(record[k]!);
  return record;
}
