// The Shopify GraphQL Admin API wire format: variants are looked up by SKU once
// (`productVariants(query: "sku:…")`: variant, product and inventory item ids, remembered as JSON in
// the SKU's ref) and each batch is ONE GraphQL request of aliased mutations: `inventorySetQuantities`
// (name "available", absolute quantities at the connection's location) for stock,
// `productVariantsBulkUpdate` per product for prices ("14.50"), `productUpdate` per product for
// listing status (ACTIVE/DRAFT) and title. userErrors park the items they point at; a THROTTLED
// answer pauses the connection. A transform's object result is merged into the variant's price input.
import { pushTo } from '../../kernel/index.js';
import {
  type ChannelAdapter,
  outcomesOf,
  type PushContext,
  type PushResult,
  type ReadyItem,
  resolveRefs,
} from './adapter.js';
import type { WireRequest } from './wire.js';

export const SHOPIFY_API_VERSION = '2025-01';

interface ShopifyRef {
  variantId: string;
  productId: string;
  inventoryItemId: string;
}
interface ShopifyCredentials {
  accessToken: string;
  locationId: string;
}
type Entry = ReadyItem & { ref: ShopifyRef };
interface VariantNode {
  id: string;
  sku: string;
  product?: { id: string };
  inventoryItem?: { id: string };
}
type Connection = PushContext['connection'];

const LOOKUP = `query OmnihubSkus($q: String!) {
  productVariants(first: 100, query: $q) { nodes { id sku product { id } inventoryItem { id } } }
}`;

function request(c: Connection, body: { query: string; variables: Record<string, unknown> }): WireRequest {
  return {
    method: 'POST',
    url: `${c.baseUrl.replace(/\/+$/, '')}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`,
    headers: {
      'x-shopify-access-token': (c.credentials as ShopifyCredentials).accessToken,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'Omnihub-ChannelSync/1',
    },
    body: JSON.stringify(body),
  };
}

const skuQuery = (skus: string[]) => skus.map((s) => `sku:"${s.replace(/["\\]/g, '\\$&')}"`).join(' OR ');

/** One mutation document for the batch, and which SKUs each aliased field carries (in order). */
export function shopifyMutation(c: Connection, entries: Entry[]) {
  const defs: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  const carries = new Map<string, string[]>();
  const stock = entries.filter((e) => e.item.changed.includes('stock'));
  if (stock.length) {
    defs.push('$stock: InventorySetQuantitiesInput!');
    fields.push('stock: inventorySetQuantities(input: $stock) { userErrors { field message } }');
    variables.stock = {
      name: 'available',
      reason: 'correction',
      ignoreCompareQuantity: true,
      quantities: stock.map((e) => ({
        inventoryItemId: e.ref.inventoryItemId,
        locationId: (c.credentials as ShopifyCredentials).locationId,
        quantity: e.item.availableToSell,
      })),
    };
    carries.set(
      'stock',
      stock.map((e) => e.sku),
    );
  }
  const byProduct = (list: Entry[]) => {
    const m = new Map<string, Entry[]>();
    for (const e of list) pushTo(m, e.ref.productId, e);
    return [...m];
  };
  const transformed = c.transform !== null;
  byProduct(entries.filter((e) => e.item.changed.includes('price') && e.item.price)).forEach(
    ([productId, list], k) => {
      defs.push(`$p${k}: ID!, $v${k}: [ProductVariantsBulkInput!]!`);
      fields.push(
        `price${k}: productVariantsBulkUpdate(productId: $p${k}, variants: $v${k}) { userErrors { field message } }`,
      );
      variables[`p${k}`] = productId;
      variables[`v${k}`] = list.map((e) => ({
        // A sale: the campaign's price, with the regular one as compare-at; none clears compare-at.
        ...(e.item.salePrice !== undefined
          ? { compareAtPrice: e.item.salePrice ? e.item.price!.decimal : null }
          : {}),
        ...(transformed && e.payload && typeof e.payload === 'object' && !Array.isArray(e.payload)
          ? e.payload
          : {}),
        id: e.ref.variantId,
        price: e.item.salePrice ? e.item.salePrice.decimal : e.item.price!.decimal,
      }));
      carries.set(
        `price${k}`,
        list.map((e) => e.sku),
      );
    },
  );
  byProduct(entries.filter((e) => e.item.changed.includes('listing'))).forEach(([productId, list], k) => {
    const first = list[0]!.item;
    defs.push(`$l${k}: ProductUpdateInput!`);
    fields.push(`listing${k}: productUpdate(product: $l${k}) { userErrors { field message } }`);
    variables[`l${k}`] = {
      id: productId,
      status: first.listed ? 'ACTIVE' : 'DRAFT',
      ...(first.title ? { title: first.title } : {}),
    };
    carries.set(
      `listing${k}`,
      list.map((e) => e.sku),
    );
  });
  const query = fields.length
    ? `mutation OmnihubPush(${defs.join(', ')}) {\n  ${fields.join('\n  ')}\n}`
    : '';
  return { query, variables, carries };
}

interface GraphQlAnswer {
  data?: Record<string, { userErrors?: Array<{ field?: string[] | null; message: string }> } | null>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Parses a 200 answer; THROTTLED and other top-level errors apply to every SKU it carried. */
function readAnswer(text: string, skus: string[], r: PushResult): GraphQlAnswer | undefined {
  let answer: GraphQlAnswer;
  try {
    answer = JSON.parse(text) as GraphQlAnswer;
  } catch {
    for (const sku of skus)
      r.outcomes.push({ sku, kind: 'retry', error: 'the answer is not JSON', statusCode: 200 });
    return undefined;
  }
  if (answer.errors?.length) {
    if (answer.errors.some((e) => e.extensions?.code === 'THROTTLED'))
      r.pause = { seconds: 2, error: 'Shopify throttled the request (query cost)' };
    else {
      const error = `Shopify refused the request: ${answer.errors.map((e) => e.message).join('; ')}`;
      for (const sku of skus) r.outcomes.push({ sku, kind: 'park', error, statusCode: 200 });
    }
    return undefined;
  }
  return answer;
}

export const shopifyAdapter: ChannelAdapter = {
  // The shop's name: any valid Admin API token may read it, a wrong one answers 401.
  check: (p) => request(p.connection, { query: 'query OmnihubCheck { shop { name } }', variables: {} }),
  async preview(p, items) {
    const refs = await p.service.refsOf(
      p.ctx,
      p.connection.id,
      items.map((i) => i.sku),
    );
    const unknown = JSON.stringify({
      variantId: '(looked up by SKU)',
      productId: '(looked up by SKU)',
      inventoryItemId: '(looked up by SKU)',
    });
    const entries = items.map((i) => ({ ...i, ref: JSON.parse(refs.get(i.sku) ?? unknown) as ShopifyRef }));
    const m = shopifyMutation(p.connection, entries);
    return m.query ? [request(p.connection, { query: m.query, variables: m.variables })] : [];
  },

  async push(p, items) {
    const r: PushResult = { outcomes: [], requests: 0 };
    if (items.length === 0) return r;
    const skus = items.map((i) => i.sku);
    const resolved = await resolveRefs(p, items, r, {
      chunkSize: 100,
      unknown: (sku) => `the Shopify store has no variant with SKU ${sku}`,
      lookup: async (chunk) => {
        const v = await p.send(request(p.connection, { query: LOOKUP, variables: { q: skuQuery(chunk) } }));
        r.requests++;
        if (v.kind !== 'ok') {
          outcomesOf(skus, v, r);
          return undefined;
        }
        const answer = readAnswer(v.response.text, skus, r) as
          | { data?: { productVariants?: { nodes?: VariantNode[] } } }
          | undefined;
        if (!answer) return undefined;
        return (answer.data?.productVariants?.nodes ?? []).map((n) => ({
          sku: String(n.sku),
          externalId: JSON.stringify({
            variantId: n.id,
            productId: n.product?.id,
            inventoryItemId: n.inventoryItem?.id,
          }),
        }));
      },
    });
    if (!resolved) return r;
    const entries: Entry[] = resolved.known.map((i) => ({
      ...i,
      ref: JSON.parse(resolved.refs.get(i.sku)!) as ShopifyRef,
    }));
    const m = shopifyMutation(p.connection, entries);
    if (!m.query) {
      for (const e of entries) r.outcomes.push({ sku: e.sku, kind: 'pushed' });
      return r;
    }
    const sent = entries.map((e) => e.sku);
    const v = await p.send(request(p.connection, { query: m.query, variables: m.variables }));
    r.requests++;
    if (v.kind !== 'ok') {
      outcomesOf(sent, v, r);
      return r;
    }
    const answer = readAnswer(v.response.text, sent, r);
    if (!answer) return r;
    // A userError's field path names the input index it is about (quantities.3, variants.0…).
    const parked = new Map<string, string>();
    for (const [alias, carried] of m.carries) {
      for (const e of answer.data?.[alias]?.userErrors ?? []) {
        const index = (e.field ?? []).map(Number).find((n) => Number.isInteger(n));
        for (const sku of index !== undefined && carried[index] ? [carried[index]] : carried)
          parked.set(sku, `Shopify refused the update: ${e.message}`);
      }
    }
    for (const sku of sent) {
      const error = parked.get(sku);
      r.outcomes.push(error ? { sku, kind: 'park', error, statusCode: 200 } : { sku, kind: 'pushed' });
    }
    return r;
  },
};
