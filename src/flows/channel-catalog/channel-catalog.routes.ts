// HTTP routes for the catalog as a channel shows it, and for per-channel listings and prices. A
// channel-bound key reads only its own channel and sees only what that channel publishes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CatalogLocale,
  Category,
  ChannelProduct,
  Listing,
  ListingInput,
  PageQuery,
  SEARCH_SORTS,
  Sku,
  SkuPrice,
} from '../../modules/catalog/index.js';
import { ImageView } from '../../modules/media/index.js';
import { channelFor } from '../../platform/http/auth-hook.js';
import { sendKeptJson } from '../../platform/http/kept-json.js';
import { browserKeys, onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { ChannelCatalogFlow } from './channel-catalog.flow.js';

/** A product as the channel shows it, with its pictures (sizes per format, alt text in its locale). */
const ShopProduct = ChannelProduct.extend({ images: z.array(ImageView) });

const ChannelParams = z.object({ channel: z.string().describe('channel id or code') });
const LocaleQuery = z.object({ locale: CatalogLocale.optional().describe('one of the channel locales') });

const Money = z.coerce.number().int().min(0).max(1_000_000_000_000);
const OptionFilter = z
  .string()
  .max(200)
  .regex(/^[^:]{1,60}:.{1,100}$/, 'an option name and value, e.g. colour:Blue');
const SearchQuery = z.strictObject({
  q: z.string().max(200).optional().describe('search words; typos are forgiven'),
  category: Category.optional(),
  option: z
    .union([OptionFilter, z.array(OptionFilter).max(10)])
    .optional()
    .describe('option name:value a variant must have; repeat for more'),
  minPrice: Money.optional().describe('in minor units of the channel currency'),
  maxPrice: Money.optional().describe('in minor units of the channel currency'),
  inStock: z.enum(['true', 'false']).optional().describe('only products with stock to sell'),
  store: z.string().max(100).optional().describe('with inStock: stock at this store channel (id or code)'),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  locale: CatalogLocale.optional().describe('one of the channel locales'),
});
const Facets = z.object({
  categories: z.array(z.object({ value: z.string(), count: z.number().int() })),
  options: z.array(z.object({ name: z.string(), value: z.string(), count: z.number().int() })),
  price: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  sampled: z
    .boolean()
    .describe('counted over the first matches only (as many as `total`), not every match: there are more'),
});
const ChannelHead = z.object({ id: z.string(), code: z.string(), currency: z.string(), locale: z.string() });
const ProductPage = z.object({
  channel: ChannelHead,
  items: z.array(ShopProduct),
  nextCursor: z.string().nullable(),
});

/**
 * JSON text the way the route's schema serializer makes it (encoded by the schema, unknown keys
 * dropped), so a kept answer is sent as is: bytes with a JSON content type skip the serializer.
 */
const serializeWith =
  <S extends z.ZodType>(schema: S) =>
  (value: z.input<S>): string =>
    JSON.stringify(z.encode(schema, value as z.output<S>));

const SearchPage = z.object({
  channel: ChannelHead,
  items: z.array(ShopProduct),
  total: z.number().int().describe('every match, or the bound when totalAtLeast'),
  totalAtLeast: z
    .boolean()
    .describe('more products match than `total` (a search counts exactly up to a bound, 1,000)'),
  facets: Facets,
  didYouMean: z.string().nullable(),
});

const serializePage = serializeWith(ProductPage);
const serializeSearch = serializeWith(SearchPage);
const serializeProduct = serializeWith(ShopProduct);

export const channelCatalogRoutes =
  (flow: ChannelCatalogFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/channels/:channel/products',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            'A page of the products listed on a channel, in its locale and currency, with availability',
          params: ChannelParams,
          querystring: PageQuery.extend(LocaleQuery.shape),
          response: { 200: ProductPage },
        },
      },
      async (request, reply) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const json = await flow.listProductsJson(request.ctx, channel, request.query, serializePage);
        return sendKeptJson(request, reply, json);
      },
    );

    app.get(
      '/channels/:channel/search',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            "Search a channel's products in its language, forgiving typos, with facets, filters and sorting",
          params: ChannelParams,
          querystring: SearchQuery,
          response: { 200: SearchPage },
        },
      },
      async (request, reply) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const { option, inStock, store, ...query } = request.query;
        const options = (typeof option === 'string' ? [option] : (option ?? [])).map(
          (o): [string, string] => {
            const at = o.indexOf(':');
            return [o.slice(0, at), o.slice(at + 1)];
          },
        );
        const inStockAt =
          inStock === 'true' ? (store ? await flow.channelOf(request.ctx, store) : channel) : undefined;
        const req = { ...query, options, inStockAt };
        const json = await flow.searchJson(request.ctx, channel, req, serializeSearch);
        return sendKeptJson(request, reply, json);
      },
    );

    app.get(
      '/channels/:channel/suggest',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary: 'Suggestions as the shopper types: the best matching products and a corrected query',
          params: ChannelParams,
          querystring: z.strictObject({ q: z.string().min(1).max(100), ...LocaleQuery.shape }),
          response: {
            200: z.object({
              suggestions: z.array(z.object({ id: z.string(), handle: z.string(), title: z.string() })),
              didYouMean: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const r = await flow.search(request.ctx, channel, {
          q: request.query.q,
          locale: request.query.locale,
          options: [],
          sort: 'relevance',
          offset: 0,
          limit: 6,
        });
        return {
          suggestions: r.items.map((p) => ({ id: p.id, handle: p.handle, title: p.title })),
          didYouMean: r.didYouMean,
        };
      },
    );

    app.get(
      '/channels/:channel/option-labels',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary: "Option values' names in the channel's locale, for filters and pickers (colour moss: mos)",
          params: ChannelParams,
          querystring: z.strictObject(LocaleQuery.shape),
          response: {
            200: z.object({
              items: z.array(z.object({ option: z.string(), value: z.string(), label: z.string() })),
            }),
          },
        },
      },
      async (request) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        return { items: await flow.optionLabels(request.ctx, channel, request.query.locale) };
      },
    );

    app.get(
      '/channels/:channel/products/:idOrSku',
      {
        config: { policy: browserKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary:
            'A product (by id, handle or SKU) as a channel shows it; unbound keys also see unlisted ones',
          params: ChannelParams.extend({ idOrSku: z.string() }),
          querystring: z.strictObject(LocaleQuery.shape),
          response: { 200: ShopProduct },
        },
      },
      async (request, reply) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        const opts = { locale: request.query.locale, listedOnly: request.ctx.actor.channelId !== null };
        const json = await flow.getProductJson(
          request.ctx,
          channel,
          request.params.idOrSku,
          opts,
          serializeProduct,
        );
        return sendKeptJson(request, reply, json);
      },
    );

    app.put(
      '/channels/:channel/listings/:product',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: 'Publish or hide a product on a channel, with an optional channel-specific title',
          params: ChannelParams.extend({ product: z.string().describe('product id or handle') }),
          body: ListingInput,
          response: { 200: Listing },
        },
      },
      async (request) => {
        channelFor(request, (await flow.channelOf(request.ctx, request.params.channel)).id);
        return flow.setListing(request.ctx, request.params.channel, request.params.product, request.body);
      },
    );

    app.get(
      '/channels/:channel/favourites',
      {
        config: { policy: secretKeys('catalog:read', onRecord('channel', 'channel')) },
        schema: {
          tags: ['catalog'],
          summary: "A till's product grid: the channel's favourite SKUs in order, with their products",
          params: ChannelParams,
          querystring: z.strictObject(LocaleQuery.shape),
          response: { 200: z.object({ skus: z.array(z.string()), items: z.array(ShopProduct) }) },
        },
      },
      async (request) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        return flow.favourites(request.ctx, channel, request.query.locale);
      },
    );

    app.put(
      '/channels/:channel/favourites',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary: "Set a till's product grid: the channel's favourite SKUs, in order (a manager's choice)",
          params: ChannelParams,
          body: z.strictObject({ skus: z.array(Sku).max(48).describe('at most 48, in grid order') }),
          response: { 200: z.object({ skus: z.array(z.string()) }) },
        },
      },
      async (request) => {
        const channel = await flow.channelOf(request.ctx, request.params.channel);
        channelFor(request, channel.id);
        return { skus: await flow.setFavourites(request.ctx, channel, request.body.skus) };
      },
    );

    app.put(
      '/channels/:channel/prices',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags: ['catalog'],
          summary:
            "Set a channel's own prices by SKU (in the channel currency; they win over its price list)",
          params: ChannelParams,
          body: z.strictObject({ prices: z.array(SkuPrice).min(1).max(1000) }),
          response: { 200: z.object({ changed: z.number().int() }) },
        },
      },
      async (request) => {
        channelFor(request, (await flow.channelOf(request.ctx, request.params.channel)).id);
        const r = await flow.setChannelPrices(request.ctx, request.params.channel, request.body.prices);
        return { changed: r.changed };
      },
    );
  };
