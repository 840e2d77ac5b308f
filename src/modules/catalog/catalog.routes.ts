// HTTP routes of the catalog: products, variants, price lists and prices. What a channel shows (and
// listings per channel) lives in the channel-catalog flow, which knows the channels.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CatalogService } from './catalog.service.js';
import {
  Category,
  Listing,
  OptionLabelsInput,
  PriceList,
  PriceListInput,
  Product,
  ProductInput,
  ProductPatch,
  SkuPrice,
  VariantInput,
  VariantPatch,
  VariantPrice,
} from './catalog.types.js';

export const PageQuery = z.strictObject({
  cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  category: Category.optional(),
  q: z.string().min(1).max(100).optional().describe('search text (title, handle or SKU)'),
});

const IdParams = z.object({ id: z.string().describe('id or handle') });

export const catalogRoutes =
  (catalog: CatalogService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/catalog/products',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Create a product with its variants (and their prices)',
          body: ProductInput,
          response: { 201: Product },
        },
      },
      async (request, reply) => reply.code(201).send(await catalog.createProduct(request.ctx, request.body)),
    );

    app.get(
      '/catalog/products',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags: ['catalog'],
          summary: 'List products (all of them, listed or not)',
          querystring: PageQuery,
          response: { 200: z.object({ items: z.array(Product), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { cursor, ...q } = request.query;
        return catalog.listProducts(request.ctx, { ...q, after: cursor });
      },
    );

    app.get(
      '/catalog/products/:id',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: { tags: ['catalog'], summary: 'Get a product', params: IdParams, response: { 200: Product } },
      },
      async (request) => catalog.getProduct(request.ctx, request.params.id),
    );

    app.patch(
      '/catalog/products/:id',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Change a product (texts per locale, categories, media, status, vendor, tags)',
          params: IdParams,
          body: ProductPatch,
          response: { 200: Product },
        },
      },
      async (request) => catalog.updateProduct(request.ctx, request.params.id, request.body),
    );

    app.post(
      '/catalog/products/:id/variants',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Add a variant to a product',
          params: IdParams,
          body: VariantInput,
          response: { 201: Product },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await catalog.addVariant(request.ctx, request.params.id, request.body)),
    );

    app.patch(
      '/catalog/products/:id/variants/:sku',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: "Change a variant's barcode (GTIN) or options; its SKU stays",
          params: z.object({ id: z.string().describe('id or handle'), sku: z.string() }),
          body: VariantPatch,
          response: { 200: Product },
        },
      },
      async (request) =>
        catalog.updateVariant(request.ctx, request.params.id, request.params.sku, request.body),
    );

    app.get(
      '/catalog/products/:id/prices',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags: ['catalog'],
          summary:
            "A product's prices per variant: per price list (priceListCode) and channels' own (channelId)",
          params: IdParams,
          response: { 200: z.object({ items: z.array(VariantPrice) }) },
        },
      },
      async (request) => ({ items: await catalog.pricesOfProduct(request.ctx, request.params.id) }),
    );

    app.get(
      '/catalog/products/:id/listings',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags: ['catalog'],
          summary: 'Where a product is listed',
          params: IdParams,
          response: { 200: z.object({ items: z.array(Listing) }) },
        },
      },
      async (request) => ({ items: await catalog.listingsOf(request.ctx, request.params.id) }),
    );

    app.post(
      '/catalog/price-lists',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Create a price list',
          body: PriceListInput,
          response: { 201: PriceList },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await catalog.createPriceList(request.ctx, request.body)),
    );

    app.put(
      '/catalog/option-labels',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Name option values per locale (colour moss in nl: mos); shops show the names',
          body: OptionLabelsInput,
          response: { 200: z.object({ changed: z.number().int().describe('names new or different') }) },
        },
      },
      async (request) => ({ changed: await catalog.setOptionLabels(request.ctx, request.body.labels) }),
    );

    app.get(
      '/catalog/price-lists',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags: ['catalog'],
          summary: 'List price lists',
          response: { 200: z.object({ items: z.array(PriceList) }) },
        },
      },
      async (request) => ({ items: await catalog.listPriceLists(request.ctx) }),
    );

    app.get(
      '/catalog/price-lists/:id',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags: ['catalog'],
          summary: 'Get a price list',
          params: IdParams,
          response: { 200: PriceList },
        },
      },
      async (request) => catalog.getPriceList(request.ctx, request.params.id),
    );

    app.put(
      '/catalog/price-lists/:id/prices',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Set prices by SKU (minor units, in the list currency); all or nothing',
          params: IdParams,
          body: z.strictObject({ prices: z.array(SkuPrice).min(1).max(1000) }),
          response: { 200: z.object({ changed: z.number().int() }) },
        },
      },
      async (request) => {
        const r = await catalog.setPrices(request.ctx, request.params.id, request.body.prices, {
          strict: true,
        });
        return { changed: r.changed };
      },
    );
  };
