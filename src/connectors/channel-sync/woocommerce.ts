// The WooCommerce REST API v3 wire format: product ids are looked up by SKU once
// (`GET /wp-json/wc/v3/products?sku=a,b`) and remembered; changes go out through the batch endpoint
// (`POST /wp-json/wc/v3/products/batch`, `{ update: [{ id, manage_stock, stock_quantity, backorders,
// regular_price: "14.50", status, name }] }`, at most 100 per request) with Basic auth (consumer key
// and secret). Only the fields of the kinds that changed are sent; a transform's object result is
// merged into the entry (to add or override WooCommerce fields). Variations are not looked up yet.
import {
  type ChannelAdapter,
  outcomesOf,
  type PushContext,
  type PushResult,
  type ReadyItem,
  resolveRefs,
} from './adapter.js';
import type { WireRequest } from './wire.js';

const WOO_BATCH_LIMIT = 100;

interface WooCredentials {
  consumerKey: string;
  consumerSecret: string;
}

const apiBase = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/wp-json/wc/v3`;

function headers(p: Pick<PushContext, 'connection'>): Record<string, string> {
  const c = p.connection.credentials as WooCredentials;
  return {
    authorization: `Basic ${Buffer.from(`${c.consumerKey}:${c.consumerSecret}`).toString('base64')}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': 'Omnihub-ChannelSync/1',
  };
}

/** The update entry of one product: only what changed, plus the transform's fields. */
export function wooEntry(r: ReadyItem, id: number | string, transformed: boolean): Record<string, unknown> {
  const { item } = r;
  const e: Record<string, unknown> = { id };
  if (item.changed.includes('stock')) {
    e.manage_stock = true;
    e.stock_quantity = item.availableToSell;
    // Whether the shop keeps selling at zero: backorder and pre-order ("notify" tells the shopper).
    if (item.stockPolicy) e.backorders = item.stockPolicy === 'deny' ? 'no' : 'notify';
  }
  if (item.changed.includes('price') && item.price) {
    e.regular_price = item.price.decimal;
    // A campaign's sale price; an empty one ends a sale the shop still shows.
    if (item.salePrice !== undefined) e.sale_price = item.salePrice?.decimal ?? '';
  }
  if (item.changed.includes('listing')) {
    e.status = item.listed ? 'publish' : 'draft';
    if (item.title) e.name = item.title;
  }
  if (transformed && r.payload && typeof r.payload === 'object' && !Array.isArray(r.payload))
    Object.assign(e, r.payload, { id });
  return e;
}

function batchRequest(
  p: Pick<PushContext, 'connection'>,
  update: Array<Record<string, unknown>>,
): WireRequest {
  return {
    method: 'POST',
    url: `${apiBase(p.connection.baseUrl)}/products/batch`,
    headers: headers(p),
    body: JSON.stringify({ update }),
  };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export const wooCommerceAdapter: ChannelAdapter = {
  // Reading one product needs the key's read permission: a wrong key or secret answers 401.
  check: (p) => ({
    method: 'GET',
    url: `${apiBase(p.connection.baseUrl)}/products?per_page=1`,
    headers: headers(p),
  }),
  async preview(p, items) {
    const known = await p.service.refsOf(
      p.ctx,
      p.connection.id,
      items.map((i) => i.sku),
    );
    const transformed = p.connection.transform !== null;
    return chunks(items, WOO_BATCH_LIMIT).map((chunk) =>
      batchRequest(
        p,
        chunk.map((i) => wooEntry(i, known.get(i.sku) ?? `(looked up by SKU ${i.sku})`, transformed)),
      ),
    );
  },

  async push(p, items) {
    const r: PushResult = { outcomes: [], requests: 0 };
    if (items.length === 0) return r;
    const skus = items.map((i) => i.sku);
    const resolved = await resolveRefs(p, items, r, {
      chunkSize: WOO_BATCH_LIMIT,
      unknown: (sku) => `the WooCommerce shop has no product with SKU ${sku}`,
      lookup: async (chunk) => {
        const v = await p.send({
          method: 'GET',
          url: `${apiBase(p.connection.baseUrl)}/products?sku=${encodeURIComponent(chunk.join(','))}&per_page=100`,
          headers: headers(p),
        });
        r.requests++;
        if (v.kind !== 'ok') {
          outcomesOf(skus, v, r);
          return undefined;
        }
        try {
          const found = JSON.parse(v.response.text) as Array<{ id: number; sku: string }>;
          return found.filter((f) => f.id).map((f) => ({ sku: f.sku, externalId: String(f.id) }));
        } catch {
          for (const sku of skus)
            r.outcomes.push({
              sku,
              kind: 'retry',
              error: 'the product lookup answer is not JSON',
              statusCode: 200,
            });
          return undefined;
        }
      },
    });
    if (!resolved) return r;
    const { refs: ids, known: sendable } = resolved;
    const transformed = p.connection.transform !== null;
    for (const chunk of chunks(sendable, WOO_BATCH_LIMIT)) {
      const update = chunk.map((i) => wooEntry(i, Number(ids.get(i.sku)), transformed));
      const v = await p.send(batchRequest(p, update));
      r.requests++;
      if (v.kind !== 'ok') {
        outcomesOf(
          chunk.map((i) => i.sku),
          v,
          r,
        );
        if (r.pause || r.authError) return r;
        continue;
      }
      // The answer lists the updates in request order; an entry with `error` failed alone.
      let answered: Array<{ id?: number; error?: { code?: string; message?: string } }> = [];
      try {
        answered = (JSON.parse(v.response.text) as { update?: typeof answered }).update ?? [];
      } catch {
        // a 2xx without a readable body: the batch was accepted
      }
      chunk.forEach((i, n) => {
        const err = answered[n]?.error;
        if (err)
          r.outcomes.push({
            sku: i.sku,
            kind: 'park',
            error: `WooCommerce refused the update: ${err.code ?? ''} ${err.message ?? ''}`.trim(),
            statusCode: v.response.status,
          });
        else r.outcomes.push({ sku: i.sku, kind: 'pushed' });
      });
    }
    return r;
  },
};
