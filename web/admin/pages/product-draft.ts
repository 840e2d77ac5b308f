// The product editor's form state and its conversion from what the hub returns.
import { fromMinor } from '../form-errors.tsx';
import {
  blankStockPolicy,
  type StockPolicy,
  type StockPolicyDraft,
  stockPolicyDraftOf,
} from './variant-stock-policy.tsx';

export const STATUSES = ['active', 'draft', 'archived'] as const;
export type Status = (typeof STATUSES)[number];

export interface VariantDraft {
  sku: string;
  gtin: string;
  options: string;
  /** Price text per price list code. */
  prices: Record<string, string>;
  /** Compare-at ("was") price text per price list code. */
  was: Record<string, string>;
  saved: boolean;
  stock: StockPolicyDraft;
}

export const blankVariant = (): VariantDraft => ({
  sku: '',
  gtin: '',
  options: '',
  prices: {},
  was: {},
  saved: false,
  stock: blankStockPolicy(),
});

/** "size=M, colour=blue" ↔ { size: 'M', colour: 'blue' }. */
export const parseOptions = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(',')
      .map((p) => p.split('='))
      .filter(([k]) => k?.trim())
      .map(([k, ...v]) => [k!.trim(), v.join('=').trim()]),
  );
const showOptions = (o: Record<string, string>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** "a, b" → ['a', 'b'] (categories, tags). */
export const listOf = (text: string) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

export type PriceList = { id: string; code: string; name: string; currency: string };

export interface Draft {
  handle: string;
  status: Status;
  locale: string;
  content: Record<string, { title: string; description: string }>;
  categories: string;
  vendor: string;
  tags: string;
  variants: VariantDraft[];
  defaultLocale: string;
}

type StoredPrice = {
  sku: string;
  priceListCode: string | null;
  amount: number;
  compareAtAmount: number | null;
  currency: string;
};

export function draftOf(
  p: {
    handle: string;
    status: Status;
    defaultLocale: string;
    content: Record<string, { title: string; description: string }>;
    categories: string[];
    vendor: string | null;
    tags: string[];
    variants: Array<{
      sku: string;
      gtin: string | null;
      options: Record<string, string>;
      stockPolicy?: StockPolicy;
      availableFrom?: string | null;
      backorderLimit?: number | null;
    }>;
  },
  prices: StoredPrice[],
  lists: PriceList[],
  lang: string,
): Draft {
  const priceOf = (sku: string, l: PriceList) =>
    prices.find((x) => x.sku === sku && x.priceListCode === l.code);
  const perList = (sku: string, amount: (x: StoredPrice) => number | null) =>
    Object.fromEntries(
      lists.flatMap((l) => {
        const price = priceOf(sku, l);
        const minor = price ? amount(price) : null;
        return price && minor !== null ? [[l.code, fromMinor(minor, price.currency)]] : [];
      }),
    );
  return {
    handle: p.handle,
    status: p.status,
    defaultLocale: p.defaultLocale,
    locale: p.content[lang] ? lang : p.defaultLocale,
    content: p.content,
    categories: p.categories.join(', '),
    vendor: p.vendor ?? '',
    tags: p.tags.join(', '),
    variants: p.variants.map((v) => ({
      sku: v.sku,
      gtin: v.gtin ?? '',
      options: showOptions(v.options),
      prices: perList(v.sku, (x) => x.amount),
      was: perList(v.sku, (x) => x.compareAtAmount),
      saved: true,
      stock: stockPolicyDraftOf(v),
    })),
  };
}
