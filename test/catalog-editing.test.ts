// Catalog editing for the admin through the public HTTP API: a variant's barcode and options change
// (its SKU stays), a product's prices are read per price list and channel, bad input is a 4xx naming
// the field and writes nothing, and the wrong callers are refused.
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('catalog editing', (t) => {
  let productId = '';
  let otherId = '';
  let channelId = '';

  beforeAll(async () => {
    const list = await t.api('POST', '/api/catalog/price-lists', {
      body: { code: 'edit-eur', name: 'EUR', currency: 'EUR' },
    });
    const create = async (handle: string, sku: string) => {
      const r = await t.api('POST', '/api/catalog/products', {
        body: {
          handle,
          defaultLocale: 'en',
          content: { en: { title: handle } },
          variants: [
            {
              sku,
              options: { size: 'M' },
              prices: [{ priceListId: list.body.id, amount: 1999, currency: 'EUR' }],
            },
          ],
        },
      });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    productId = await create('edit-tee', 'EDIT-TEE-M');
    otherId = await create('edit-mug', 'EDIT-MUG');
    channelId = (
      await t.api('POST', '/api/channels', {
        body: {
          code: 'edit-web',
          name: 'web',
          type: 'web',
          currency: 'EUR',
          locales: ['en'],
          priceListId: list.body.id,
        },
      })
    ).body.id;
  });

  it("changes a variant's barcode and options, and reads the product's prices", async () => {
    const r = await t.api('PATCH', `/api/catalog/products/${productId}/variants/EDIT-TEE-M`, {
      body: { gtin: '4006381333931', options: { size: 'M', colour: 'blue' } },
    });
    expect(r.status).toBe(200);
    expect(r.body.variants[0]).toMatchObject({
      sku: 'EDIT-TEE-M',
      gtin: '4006381333931',
      options: { colour: 'blue' },
    });
    const events = await t.api('GET', `/api/events?types=catalog.variant_updated&subject=${productId}`);
    expect(events.body.items).toHaveLength(1);
    const prices = await t.api('GET', '/api/catalog/products/edit-tee/prices');
    expect(prices.body.items).toEqual([
      expect.objectContaining({
        sku: 'EDIT-TEE-M',
        priceListCode: 'edit-eur',
        amount: 1999,
        currency: 'EUR',
      }),
    ]);
  });

  it('answers bad input with 4xx naming the field, writing nothing', async () => {
    const badGtin = await t.api('PATCH', `/api/catalog/products/${productId}/variants/EDIT-TEE-M`, {
      body: { gtin: '12' },
    });
    expect(badGtin.status).toBe(400);
    expect(badGtin.body.errors[0].path).toBe('body.gtin');
    const unknown = await t.api('PATCH', `/api/catalog/products/${productId}/variants/NOPE-1`, {
      body: { gtin: null },
    });
    expect(unknown.status).toBe(404);
    const otherProducts = await t.api('PATCH', `/api/catalog/products/${otherId}/variants/EDIT-TEE-M`, {
      body: { gtin: null },
    });
    expect(otherProducts.status).toBe(404);
    const badProduct = await t.api('POST', '/api/catalog/products', {
      body: {
        handle: 'Bad Handle',
        defaultLocale: 'en',
        content: { en: { title: 'x' } },
        variants: [{ sku: 'OK-1' }],
      },
    });
    expect(badProduct.status).toBe(400);
    expect(badProduct.body.errors.map((e: { path: string }) => e.path)).toContain('body.handle');
    const product = await t.api('GET', `/api/catalog/products/${productId}`);
    expect(product.body.variants[0].gtin).toBe('4006381333931');
    expect((await t.api('GET', '/api/catalog/products/OK-1')).status).toBe(404);
  });

  it('refuses no key, a read-only key, a channel-bound key and a publishable key', async () => {
    const key = async (body: Record<string, unknown>) =>
      (await t.api('POST', '/api/keys', { body: { name: 'k', ...body } })).body.secret as string;
    const patch = (k: string | null) =>
      t.api('PATCH', `/api/catalog/products/${productId}/variants/EDIT-TEE-M`, {
        key: k,
        body: { gtin: null },
      });
    expect((await patch(null)).status).toBe(401);
    expect((await patch(await key({ scopes: ['catalog:read'] }))).status).toBe(403);
    expect((await patch(await key({ scopes: ['catalog:write'], channelId }))).status).toBe(403);
    expect(
      (await patch(await key({ scopes: ['catalog:write'], channelId, kind: 'publishable' }))).status,
    ).toBe(403);
    expect((await t.api('GET', `/api/catalog/products/${productId}/prices`, { key: null })).status).toBe(401);
    const product = await t.api('GET', `/api/catalog/products/${productId}`);
    expect(product.body.variants[0].gtin).toBe('4006381333931');
  });
});
