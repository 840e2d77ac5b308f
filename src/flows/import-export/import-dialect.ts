// Another platform's CSV export read as the hub's own rows. A dialect recognises its platform by the
// header and translates each record into zero or more hub rows (one Shopify product spans several
// records; one WooCommerce variation row is a variant, its price and its stock). Connectors provide
// the dialects (they know the wire formats); the import flow only reads through them.
import { currencyExponent } from '../../kernel/index.js';

/** Where the hub puts what the other platform's export does not say. */
export interface DialectTargets {
  /** Prices go to this price list (the export's prices are decimals in its currency). */
  priceList?: { code: string; currency: string } | undefined;
  /** Published/unpublished becomes this channel's listing. */
  channel?: string | undefined;
  /** Stock quantities are on hand at this location. */
  location?: string | undefined;
  /** Customers and orders: the currency of the export's decimal amounts (the channel's). */
  currency?: string | undefined;
}

/** What one record became: hub rows (as raw objects, validated like any row) and its problems. */
export interface Translated {
  rows: Array<Record<string, unknown>>;
  /** Reasons that part of the record was not taken; reported with its line. */
  problems: string[];
}

export interface DialectTranslator {
  translate(record: Record<string, string>): Translated;
}

/** What an import brings in; each has its own route, rows and dialects. */
export type ImportTargetKind = 'catalog' | 'customers' | 'orders';

export interface ImportDialect {
  /** The platform and export, as named in reports: "Shopify product CSV". */
  name: string;
  /** What the export holds (default catalog). */
  target?: ImportTargetKind;
  /** True when this CSV header (the names as written) is this platform's export. */
  detect(header: string[]): boolean;
  /** A translator for one file (it remembers the rows it has seen, e.g. the product being read). */
  start(targets: DialectTargets): DialectTranslator;
}

/** Lowercase letters, digits and dashes (a hub handle or category segment) from any text. */
export function slugify(text: string, max = 128): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** A category path ("Apparel > Shoes") as a hub category ("apparel/shoes"). */
export function categoryOf(path: string): string | undefined {
  const slug = path
    .split('>')
    .map((s) => slugify(s, 40))
    .filter(Boolean)
    .join('/')
    .slice(0, 64)
    .replace(/[-/]+$/, '');
  return slug || undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Product descriptions are HTML on both platforms; the hub keeps text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A decimal price ("19.90") in minor units of the currency's exponent, or undefined when not a price. */
export function decimalToMinor(value: string, exponent: number): number | undefined {
  const s = value.trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const [whole, frac = ''] = s.split('.');
  if (frac.length > exponent && /[1-9]/.test(frac.slice(exponent))) return undefined;
  return Number(whole) * 10 ** exponent + Number((frac + '0'.repeat(exponent)).slice(0, exponent) || '0');
}

/**
 * The price row of a variant from a decimal cell, into the target price list; or the problem. A
 * compare-at ("was") cell rides on the same row; one not above the price is left out as meaningless.
 */
export function addPrice(
  out: Translated,
  sku: string,
  cell: string,
  column: string,
  targets: DialectTargets,
  compareAt?: { cell: string; column: string },
) {
  if (!cell) return;
  const list = targets.priceList;
  if (!list) {
    out.problems.push(`${column}: name the price list these prices go to (?price_list=)`);
    return;
  }
  const exponent = currencyExponent(list.currency);
  const amount = decimalToMinor(cell, exponent);
  if (amount === undefined) {
    out.problems.push(`${column}: "${cell}" is not a price`);
    return;
  }
  const was = compareAt?.cell ? decimalToMinor(compareAt.cell, exponent) : undefined;
  if (compareAt?.cell && was === undefined) {
    out.problems.push(`${compareAt.column}: "${compareAt.cell}" is not a price`);
    return;
  }
  out.rows.push({
    kind: 'price',
    sku,
    price_list: list.code,
    currency: list.currency,
    amount,
    ...(was !== undefined && was > amount ? { compare_at: was } : {}),
  });
}

/** A platform's comma-separated tags as the hub's tag list (| is the hub's list separator). */
export function tagsOf(cell: string): string[] | undefined {
  const tags = cell
    .split(',')
    .map((t) =>
      [...t]
        .map((c) => (c === '|' || c.charCodeAt(0) < 32 ? ' ' : c))
        .join('')
        .trim()
        .slice(0, 100)
        .trim(),
    )
    .filter(Boolean);
  return tags.length ? [...new Set(tags)] : undefined;
}

/** The stock row of a variant at the target location (negative counts are taken as 0). */
export function addStock(
  out: Translated,
  sku: string,
  cell: string,
  column: string,
  targets: DialectTargets,
) {
  if (!cell || !targets.location) return;
  const quantity = Number(cell);
  if (!Number.isInteger(quantity)) out.problems.push(`${column}: "${cell}" is not a whole number`);
  else out.rows.push({ kind: 'stock', sku, location: targets.location, quantity: Math.max(0, quantity) });
}
