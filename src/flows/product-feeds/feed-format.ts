// The wire formats of product feeds, one variant per item: Google Merchant Center (RSS 2.0 with the
// `g:` namespace), Google local inventory (per store) and the Meta commerce catalog (CSV). Each
// variant is checked against the fields its feeds require first; one that fails is left out and its
// problems are listed per field for the admin.
import { stringify } from 'csv-stringify/sync';
import { gtinCheckDigitOk } from '../../modules/catalog/index.js';
import { imageForVariant } from '../../modules/media/index.js';
import type { ShopProduct } from '../channel-catalog/index.js';
import { decimalPrice } from '../storefront/storefront-head.js';

export interface FeedChannel {
  code: string;
  name: string;
}

/** Why a variant cannot be exported: a code the admin words in its language, and an English message. */
export const FEED_ISSUE_CODES = [
  'id_too_long',
  'no_title',
  'no_description',
  'no_price',
  'no_picture',
  'bad_gtin',
] as const;
export type FeedIssueCode = (typeof FEED_ISSUE_CODES)[number];

export interface FeedIssue {
  productId: string;
  sku: string;
  field: string;
  code: FeedIssueCode;
  message: string;
}

/** A variant as the feeds list it: every value resolved, ready to write in either format. */
export interface FeedItem {
  id: string;
  groupId: string;
  title: string;
  description: string;
  link: string;
  imageLink: string;
  additionalImages: string[];
  availability: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';
  /** Pre-order release or backorder restock (ISO 8601), as Google's availability_date. */
  availabilityDate: string | null;
  quantity: number;
  price: string;
  /** A campaign's lower price ("99.00 EUR"), and the ISO 8601 interval it runs in when it ends. */
  salePrice: string | null;
  salePriceEffectiveDate: string | null;
  brand: string;
  gtin: string | null;
  productType: string | null;
  color: string | null;
  size: string | null;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Control characters are not allowed in XML 1.0 and break feed parsers.
const xml = (s: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
const clip = (s: string, max: number): string => ([...s].length > max ? [...s].slice(0, max).join('') : s);

/** The largest JPEG of a picture, as an absolute URL (both feeds want a plain format). */
const jpegUrl = (origin: string, srcset: string): string =>
  `${origin}${srcset.split(', ').at(-1)!.split(' ')[0]!}`;

/** A product's variants as feed items, and the problems of those that cannot be listed. */
/** A lower price from the channel's automatic campaigns (pricing's saleOffers). */
export interface FeedSale {
  amount: number;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** "start/end" as Google and Meta read a sale's dates; none when the sale has no end. */
function effectiveDate(sale: FeedSale, now: Date): string | null {
  if (!sale.endsAt) return null;
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${iso(sale.startsAt ?? now)}/${iso(sale.endsAt)}`;
}

export function feedItemsOf(
  origin: string,
  channel: FeedChannel,
  p: ShopProduct,
  sales: { offers: ReadonlyMap<string, FeedSale>; now: Date } = { offers: new Map(), now: new Date(0) },
): { items: FeedItem[]; issues: FeedIssue[] } {
  const items: FeedItem[] = [];
  const issues: FeedIssue[] = [];
  const link = `${origin}/store/${encodeURIComponent(channel.code)}/p/${encodeURIComponent(p.handle)}`;
  for (const v of p.variants) {
    const problems: Array<[string, FeedIssueCode, string]> = [];
    if ([...v.sku].length > 50) problems.push(['id', 'id_too_long', 'the SKU is longer than 50 characters']);
    if (!p.title.trim()) problems.push(['title', 'no_title', 'no title in the channel language']);
    if (!p.description.trim())
      problems.push(['description', 'no_description', 'no description in the channel language']);
    if (!v.price) problems.push(['price', 'no_price', `no price in ${p.currency} on this channel`]);
    const own = imageForVariant(p.images, p.variants, v);
    if (!own) problems.push(['image_link', 'no_picture', 'no picture']);
    if (v.gtin && !gtinCheckDigitOk(v.gtin))
      problems.push(['gtin', 'bad_gtin', 'the GTIN check digit is wrong']);
    if (problems.length || !v.price || !own) {
      for (const [field, code, message] of problems)
        issues.push({ productId: p.id, sku: v.sku, field, code, message });
      continue;
    }
    const offer = sales.offers.get(v.sku);
    const sale = offer && offer.amount < v.price.amount ? offer : undefined;
    const options = Object.entries(v.options);
    const optionText = options.map(([, value]) => value).join(' / ');
    items.push({
      id: v.sku,
      groupId: p.id,
      title: p.variants.length > 1 && optionText ? `${p.title} (${optionText})` : p.title,
      description: p.description,
      link: `${link}?variant=${encodeURIComponent(v.sku)}`,
      imageLink: jpegUrl(origin, own.srcset.jpeg),
      additionalImages: p.images
        .filter((i) => i !== own)
        .slice(0, 10)
        .map((i) => jpegUrl(origin, i.srcset.jpeg)),
      availability: v.availability,
      availabilityDate:
        v.availability === 'preorder' || v.availability === 'backorder'
          ? v.availableFrom && `${v.availableFrom}T00:00:00Z`
          : null,
      quantity: v.availableToSell,
      price: `${decimalPrice(v.price.amount, v.price.currency)} ${v.price.currency}`,
      salePrice: sale ? `${decimalPrice(sale.amount, v.price.currency)} ${v.price.currency}` : null,
      salePriceEffectiveDate: sale ? effectiveDate(sale, sales.now) : null,
      brand: v.options.brand ?? channel.name,
      gtin: v.gtin,
      productType: p.categories[0] ?? null,
      color: v.options.colour ?? v.options.color ?? null,
      size: v.options.size ?? null,
    });
  }
  return { items, issues };
}

const g = (tag: string, value: string | null | undefined): string =>
  value == null || value === '' ? '' : `<g:${tag}>${xml(value)}</g:${tag}>`;

/** One <item> of the Google Merchant Center feed. */
export function googleItem(i: FeedItem): string {
  return [
    '<item>',
    g('id', i.id),
    g('item_group_id', i.groupId),
    g('title', clip(i.title, 150)),
    g('description', clip(i.description, 5000)),
    g('link', i.link),
    g('image_link', i.imageLink),
    ...i.additionalImages.map((u) => g('additional_image_link', u)),
    g('availability', i.availability),
    g('availability_date', i.availabilityDate),
    g('price', i.price),
    g('sale_price', i.salePrice),
    g('sale_price_effective_date', i.salePriceEffectiveDate),
    g('condition', 'new'),
    g('brand', clip(i.brand, 70)),
    i.gtin ? g('gtin', i.gtin) : g('identifier_exists', 'no'),
    g('product_type', i.productType),
    g('color', i.color),
    g('size', i.size),
    '</item>',
  ].join('');
}

export function googleFeed(origin: string, channel: FeedChannel, items: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>',
    `<title>${xml(channel.name)}</title><link>${xml(`${origin}/store/${encodeURIComponent(channel.code)}`)}</link>`,
    `<description>${xml(`Products of ${channel.name}`)}</description>`,
    ...items,
    '</channel></rss>',
    '',
  ].join('\n');
}

/** Google's local inventory feed: each variant's availability at each store, for pickup there. */
export function localInventoryFeed(
  stores: Array<{ code: string; stock: Map<string, number> }>,
  items: FeedItem[],
): string {
  const rows: string[] = [];
  for (const store of stores) {
    for (const i of items) {
      const n = Math.max(0, store.stock.get(i.id) ?? 0);
      rows.push(
        [
          '<item>',
          g('store_code', store.code),
          g('id', i.id),
          g('availability', n > 0 ? 'in_stock' : 'out_of_stock'),
          g('quantity', String(n)),
          g('price', i.price),
          g('sale_price', i.salePrice),
          g('sale_price_effective_date', i.salePriceEffectiveDate),
          ...(n > 0 ? [g('pickup_method', 'buy'), g('pickup_sla', 'same day')] : []),
          '</item>',
        ].join(''),
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>',
    '<title>Local inventory</title>',
    ...rows,
    '</channel></rss>',
    '',
  ].join('\n');
}

export const META_COLUMNS = [
  'id',
  'title',
  'description',
  'availability',
  'availability_date',
  'condition',
  'price',
  'sale_price',
  'sale_price_effective_date',
  'link',
  'image_link',
  'brand',
  'item_group_id',
  'gtin',
  'color',
  'size',
] as const;

// Meta's words: a backorder is "available for order".
const META_AVAILABILITY: Record<FeedItem['availability'], string> = {
  in_stock: 'in stock',
  out_of_stock: 'out of stock',
  preorder: 'preorder',
  backorder: 'available for order',
};

// A cell starting with = + - @ would be a formula to a spreadsheet that opens the file.
const cell = (s: string): string => (/^[=+\-@]/.test(s) ? `'${s}` : s);

/** One row of the Meta commerce catalog CSV (availability written "in stock"). */
export function metaRow(i: FeedItem): string {
  const cells: Record<(typeof META_COLUMNS)[number], string> = {
    id: i.id,
    title: clip(i.title, 200),
    description: clip(i.description, 9999),
    availability: META_AVAILABILITY[i.availability],
    availability_date: i.availabilityDate ?? '',
    condition: 'new',
    price: i.price,
    sale_price: i.salePrice ?? '',
    sale_price_effective_date: i.salePriceEffectiveDate ?? '',
    link: i.link,
    image_link: i.imageLink,
    brand: clip(i.brand, 100),
    item_group_id: i.groupId,
    gtin: i.gtin ?? '',
    color: i.color ?? '',
    size: i.size ?? '',
  };
  return stringify([META_COLUMNS.map((c) => cell(cells[c]))], { quoted: true, eof: false });
}

export const metaFeed = (rows: string[]): string =>
  `${[stringify([[...META_COLUMNS]], { eof: false }), ...rows].join('\n')}\n`;
