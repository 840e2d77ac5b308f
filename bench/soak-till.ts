// The soak's till: a store channel selling the bench SKUs from the bench store, and one sale as a
// clerk rings it up (cart with lines, carry out, quote, paid in cash with change in the checkout).
import { api, type BenchContext } from './harness.js';
import type { Call } from './round-trips.js';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are read loosely, as in the bench scenarios
async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`till ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A till channel on the bench price list, sourcing from the bench store; returns its key. */
export async function setUpTill(
  b: Pick<BenchContext, 'baseUrl' | 'adminKey'>,
  shop: { storeId: string; skus: string[] },
): Promise<{ channelId: string; key: string }> {
  const lists = await must(api(b, 'GET', '/api/catalog/price-lists'), 'price lists');
  const list = (lists.items as Array<{ id: string; code: string }>).find((l) => l.code === 'bench-eur');
  if (!list) throw new Error('till: no bench-eur price list');
  const channel = await must(
    api(b, 'POST', '/api/channels', {
      code: 'bench-till',
      name: 'Bench till',
      type: 'store',
      currency: 'EUR',
      locales: ['en'],
      priceListId: list.id,
      paymentProviders: ['manual'],
    }),
    'channel',
  );
  await must(
    api(b, 'PUT', `/api/inventory/channels/${channel.id}/sourcing`, {
      locationIds: [shop.storeId],
      safetyBuffer: 0,
    }),
    'sourcing',
  );
  const products = await must(api(b, 'GET', '/api/catalog/products?limit=100'), 'products');
  for (const p of products.items as Array<{ id: string; variants: Array<{ sku: string }> }>) {
    if (!p.variants.some((v) => shop.skus.includes(v.sku))) continue;
    await must(api(b, 'PUT', `/api/channels/${channel.id}/listings/${p.id}`, { published: true }), 'listing');
  }
  const key = await must(
    api(b, 'POST', '/api/keys', {
      name: 'bench till',
      scopes: ['carts:write', 'orders:write', 'inventory:read'],
      channelId: channel.id,
    }),
    'key',
  );
  return { channelId: channel.id, key: key.secret };
}

/** One till sale: two lines, carried out, paid in cash with change; false if any step failed. */
export async function tillSale(call: Call, skus: string[], n: number): Promise<boolean> {
  const lines = [0, 1].map((i) => ({ sku: skus[(n * 2 + i) % skus.length]!, quantity: 1 }));
  const cart = await call('POST', '/api/carts', { lines });
  if (cart.status !== 201) return false;
  const id = cart.body.id;
  const delivery = await call('PUT', `/api/carts/${id}/delivery`, { type: 'carry_out' });
  if (delivery.status !== 200) return false;
  const quote = await call('GET', `/api/carts/${id}/quote`, undefined);
  if (quote.status !== 200) return false;
  const grand = quote.body.grand as number;
  const sold = await call(
    'POST',
    `/api/carts/${id}/checkout`,
    { payments: [{ provider: 'manual', amount: grand, tendered: grand + 500 }] },
    { 'idempotency-key': `till-${n}` },
  );
  return sold.status === 201 && sold.body.order.status === 'completed' && sold.body.change === 500;
}
