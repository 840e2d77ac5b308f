// Reading an import stream row by row, with line numbers: NDJSON by lines, CSV through csv-parse
// (a bad record is reported and skipped, a bad header stops the import).
import { createInterface } from 'node:readline';
import { pipeline, type Readable, Transform } from 'node:stream';
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
const toWellFormed = (s: string) => s.replace(LONE_SURROGATES, '\ufffd');

/** Longer text than this in one field is a mistake (a runaway quote, a pasted file), never a value. */
export const MAX_FIELD_CHARS = 100_000;

/**
 * What no stored text may hold, field by field: a NUL (PostgreSQL text cannot store it), an unpaired
 * UTF-16 surrogate (NDJSON's "\ud800": not a character) and runaway length. Names the field only:
 * the value may be personal data.
 */
export function textProblems(raw: unknown, path = '', depth = 0): string[] {
  if (typeof raw === 'string') {
    const at = path || 'value';
    if (raw.length > MAX_FIELD_CHARS)
      return [`${at}: text longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`];
    if (raw.includes('\u0000')) return [`${at}: contains a NUL character, which text cannot hold`];
    if (!wellFormed(raw))
      return [`${at}: contains an unpaired surrogate (\\uD800–\\uDFFF), which is not text`];
    return [];
  }
  if (typeof raw !== 'object' || raw === null || depth > 8) return [];
  const entries = Array.isArray(raw) ? raw.map((v, i) => [String(i), v] as const) : Object.entries(raw);
  return entries.flatMap(([k, v]) => [
    ...(wellFormed(k) && !k.includes('\u0000') ? [] : [`${path || 'row'}: a field name is not text`]),
    ...textProblems(v, path ? `${path}.${k}` : k, depth + 1),
  ]);
}

/** The row made safe to keep in a report: the text problems above replaced, long text cut. */
function storableRow(raw: unknown, depth = 0): unknown {
  if (typeof raw === 'string') return toWellFormed(raw.slice(0, 200).replaceAll('\u0000', '\ufffd'));
  if (typeof raw !== 'object' || raw === null || depth > 8) return raw;
  if (Array.isArray(raw)) return raw.slice(0, 50).map((v) => storableRow(v, depth + 1));
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      toWellFormed(k.replaceAll('\u0000', '\ufffd')),
      storableRow(v, depth + 1),
    ]),
  );
}

/** A read row, or (text it cannot store) its rejection naming each field. */
function checkedRow(line: number, raw: Record<string, unknown>): ReadItem {
  const problems = textProblems(raw);
  return problems.length ? { line, reasons: problems, raw: storableRow(raw) } : { line, raw };
}

/**
 * Passes the bytes through until the first sequence that is not UTF-8 (a decoder would otherwise
 * put U+FFFD in the stored text without a word). From there on it passes nothing: the lines before
 * are read and stored as usual, and `failure` names the line for the reader to fail the import with.
 */
export class Utf8Guard extends Transform {
  failure: Error | undefined;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;

  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ) {
    if (this.failure) return done();
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      const at = firstInvalidByte(chunk);
      const lineStart = chunk.lastIndexOf(10, at - 1) + 1;
      this.failure = notUtf8(`line ${this.line + countLines(chunk.subarray(0, at))}`);
      return done(null, chunk.subarray(0, lineStart));
    }
    this.line += countLines(chunk);
    done(null, chunk);
  }

  override _flush(done: (err?: Error | null) => void) {
    if (!this.failure) {
      try {
        this.decoder.decode();
      } catch {
        this.failure = notUtf8(`it ends inside a character, line ${this.line}`);
      }
    }
    done();
  }
}

const notUtf8 = (where: string) =>
  new Error(`The file is not valid UTF-8 (${where}); save it as UTF-8 and import again`);

/** Where the first malformed sequence starts (a character cut at the chunk's start counts as malformed). */
function firstInvalidByte(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const len =
      c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= b.length) return b.length;
      if ((b[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return b.length;
}

function countLines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** The hub's own CSV format of an import: its known columns and the ones a header must name. */
export interface NativeFormat {
  columns: readonly string[];
  /** At least one of these must be in the header (catalog: kind). */
  required: readonly string[];
}

const CATALOG_FORMAT: NativeFormat = { columns: IMPORT_COLUMNS, required: ['kind'] };

export interface ReadOptions {
  /** The hub's own format (default: the catalog's). */
  native?: NativeFormat | undefined;
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
    const guard = new Utf8Guard();
    const checked = pipeline(input, guard, () => {});
    for await (const text of createInterface({ input: checked, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      if (!text.trim()) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        yield { line, reasons: ['not valid JSON'], raw: storableRow(text) };
        continue;
      }
      yield typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? checkedRow(line, raw as Record<string, unknown>)
        : { line, raw: raw as Record<string, unknown> };
    }
    if (guard.failure) throw guard.failure;
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
      const native = opts.native ?? CATALOG_FORMAT;
      const unknown = names.filter((h) => !native.columns.includes(h));
      if (!native.required.some((c) => names.includes(c)) || unknown.length) {
        throw new AppError(
          'validation_failed',
          `The CSV header must name ${native.required.length > 1 ? `one of ${native.required.join(', ')}` : `a ${native.required[0]} column`} and only known columns (${native.columns.join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}${opts.dialects?.length ? `, or be one of these exports: ${opts.dialects.map((d) => d.name).join(', ')}` : ''}`,
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
  const guard = new Utf8Guard();
  for await (const rec of pipeline(input, guard, parser, () => {}) as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length) yield skipped.shift()!;
    const bad = checkedRow(rec.info.lines, rec.record);
    if ('reasons' in bad) {
      yield bad;
      continue;
    }
    if (!translator) {
      yield { line: rec.info.lines, raw: restoreCells(rec.record) };
      continue;
    }
    const { rows, problems } = translator.translate(rec.record);
    if (problems.length) yield { line: rec.info.lines, reasons: problems, raw: rec.record };
    for (const raw of rows) yield { line: rec.info.lines, raw };
  }
  while (skipped.length) yield skipped.shift()!;
  if (guard.failure) throw guard.failure;
}

function restoreCells(record: Record<string, string>): Record<string, string> {
  for (const k of Object.keys(record)) record[k] = restoreNeutralisedFormula(record[k]!);
  return record;
}
