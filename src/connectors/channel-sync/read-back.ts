// Reading a channel's actual state back for the consistency audit. Generic: a signed
// `GET <baseUrl>?skus=A,B` (Standard Webhooks headers over the query string `skus=…`) answered with
// `{ items: [{ sku, availableToSell?, price?, salePrice?, title?, description?, listed? }] }`, prices as
// decimal strings, a SKU left out = the channel does not have it. WooCommerce: `GET products?sku=…`
// (regular_price, sale_price, name, status, stock_quantity). Shopify: not read back yet.
import type { ReadRemote, RemoteState } from '../../flows/channel-sync/index.js';
import { newId } from '../../kernel/index.js';
import type { ChannelSyncService, ConnectionWithCredentials } from '../../modules/channel-sync/index.js';
import { type OutboundClient, standardWebhookHeaders } from '../webhooks-out/index.js';
import { sendWire, type WireRequest } from './wire.js';

const GENERIC_CHUNK = 200;
const WOO_CHUNK = 100;
const READS_IN_FLIGHT = 3;

function genericRequest(c: ConnectionWithCredentials, skus: string[], nowSeconds: number): WireRequest {
  const query = `skus=${skus.map(encodeURIComponent).join(',')}`;
  const { secret } = c.credentials as { secret: string };
  const url = new URL(c.baseUrl);
  url.search = url.search ? `${url.search}&${query}` : `?${query}`;
  return {
    method: 'GET',
    url: url.toString(),
    headers: {
      accept: 'application/json',
      'user-agent': 'Omnihub-ChannelSync/1',
      ...standardWebhookHeaders([secret], newId('msg'), nowSeconds, query),
    },
  };
}

function wooRequest(c: ConnectionWithCredentials, skus: string[]): WireRequest {
  const { consumerKey, consumerSecret } = c.credentials as { consumerKey: string; consumerSecret: string };
  return {
    method: 'GET',
    url: `${c.baseUrl.replace(/\/+$/, '')}/wp-json/wc/v3/products?sku=${encodeURIComponent(skus.join(','))}&per_page=100`,
    headers: {
      authorization: `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`,
      accept: 'application/json',
      'user-agent': 'Omnihub-ChannelSync/1',
    },
  };
}

interface WooProduct {
  sku?: string;
  name?: string;
  status?: string;
  regular_price?: string;
  sale_price?: string;
  stock_quantity?: number | null;
}

const fromGeneric = (x: RemoteState): RemoteState => x;
const fromWoo = (p: WooProduct): RemoteState => ({
  sku: p.sku ?? '',
  ...(p.name !== undefined ? { title: p.name } : {}),
  ...(p.status !== undefined ? { listed: p.status === 'publish' } : {}),
  ...(p.regular_price !== undefined ? { price: p.regular_price || null } : {}),
  ...(p.sale_price !== undefined ? { salePrice: p.sale_price || null } : {}),
  ...(p.stock_quantity !== undefined ? { availableToSell: p.stock_quantity } : {}),
});

/** The read-back for the audit, through the SSRF guard; undefined for connectors that cannot. */
export function createReadRemote(opts: {
  service: ChannelSyncService;
  client: OutboundClient;
  guard: { check(url: string): Promise<void> };
  timeoutMs: number;
  nowSeconds: () => number;
}): ReadRemote {
  async function readChunk(
    c: ConnectionWithCredentials,
    chunk: string[],
  ): Promise<{ found: Map<string, RemoteState> } | { error: string }> {
    const generic = c.kind === 'generic';
    const req = generic ? genericRequest(c, chunk, opts.nowSeconds()) : wooRequest(c, chunk);
    try {
      await opts.guard.check(req.url);
    } catch (err) {
      return { error: (err as Error).message };
    }
    let v = await sendWire(opts.client, req, opts.timeoutMs);
    // A kept-alive socket the channel closed meanwhile fails without an answer: once more, anew.
    if (v.kind === 'retry' && v.statusCode === null) v = await sendWire(opts.client, req, opts.timeoutMs);
    if (v.kind !== 'ok') return { error: v.error };
    const wanted = new Set(chunk);
    const found = new Map<string, RemoteState>();
    try {
      const body = JSON.parse(v.response.text) as unknown;
      const list = generic ? ((body as { items?: RemoteState[] }).items ?? []) : (body as WooProduct[]);
      for (const x of list) {
        const state = generic ? fromGeneric(x as RemoteState) : fromWoo(x as WooProduct);
        if (typeof state.sku === 'string' && wanted.has(state.sku)) found.set(state.sku, state);
      }
    } catch {
      return { error: 'the channel answered the state request with something that is not JSON' };
    }
    return { found };
  }

  return async (ctx, connection, skus) => {
    if (connection.kind === 'shopify') return undefined;
    const c = await opts.service.loadConnection(ctx, connection.id);
    const size = c.kind === 'generic' ? GENERIC_CHUNK : WOO_CHUNK;
    const out = new Map<string, RemoteState>();
    const chunks: string[][] = [];
    for (let i = 0; i < skus.length; i += size) chunks.push(skus.slice(i, i + size));
    // A few requests in flight per connection: a read-back of 10,000 SKUs is 50 of them.
    let failed: { error: string } | undefined;
    const next = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk && !failed; chunk = chunks.shift()) {
        const r = await readChunk(c, chunk);
        if ('error' in r) failed = r;
        else for (const [sku, state] of r.found) out.set(sku, state);
      }
    };
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, next));
    if (failed) return failed;
    return out;
  };
}
