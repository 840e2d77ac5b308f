// The demo retailer's catalog as its channels show it: two currencies, several locales, listings
// per channel and stock from the demo inventory; barcodes a till scans, and the demo's staff accounts.
import { expect, it } from 'vitest';
import { gtinCheckDigitOk } from '../src/modules/catalog/catalog.types.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'demo catalog',
  (t) => {
    it('has 10 products of 15 colour and size variants in five locales, EUR and SEK price lists per channel currency', async () => {
      const lists = await t.api('GET', '/api/catalog/price-lists');
      expect(lists.body.items.map((l: { currency: string }) => l.currency).sort()).toEqual(['EUR', 'SEK']);
      let count = 0;
      let cursor: string | null = null;
      do {
        const page: {
          body: {
            items: Array<{
              handle: string;
              content: Record<string, unknown>;
              variants: Array<{ options: Record<string, string> }>;
            }>;
            nextCursor: string | null;
          };
        } = await t.api('GET', `/api/catalog/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        count += page.body.items.length;
        for (const p of page.body.items) {
          expect(Object.keys(p.content).length, p.handle).toBeGreaterThanOrEqual(2);
          // One product per style: its colours are a variant option (a card and a colour picker).
          expect(p.variants, p.handle).toHaveLength(15);
          expect(new Set(p.variants.map((v) => v.options.colour)).size, p.handle).toBe(5);
          expect(new Set(p.variants.map((v) => v.options.size)).size, p.handle).toBe(3);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(count).toBe(10);
      const channels = await t.api('GET', '/api/channels');
      for (const c of channels.body.items as Array<{ currency: string; priceListId: string }>) {
        const list = lists.body.items.find((l: { id: string }) => l.id === c.priceListId);
        expect(list?.currency).toBe(c.currency);
      }
    });

    it('shows the Stockholm till Swedish texts in SEK and the webshop English in EUR, with stock', async () => {
      const sthlm = await t.api('GET', '/api/channels/store-stockholm/products?limit=24');
      expect(sthlm.body.items).toHaveLength(9); // all but the trail runner
      for (const p of sthlm.body.items) {
        expect(p).toMatchObject({ currency: 'SEK', locale: 'sv' });
        for (const v of p.variants) expect(v.price.currency).toBe('SEK');
      }
      const web = await t.api('GET', '/api/channels/webshop/products?limit=24&category=footwear');
      expect(web.body.items.length).toBeGreaterThan(0);
      expect(web.body.items[0]).toMatchObject({ currency: 'EUR', locale: 'en' });
      expect(web.body.items.some((p: { availableToSell: number }) => p.availableToSell > 0)).toBe(true);
      const social = await t.api('GET', '/api/channels/social-shop/products?limit=1');
      expect(social.body.items[0].title).toMatch(/#fjordfield$/);
    });

    it('gives every variant a valid EAN-13 a till finds by scanning', async () => {
      const page = await t.api('GET', '/api/catalog/products?limit=100');
      const variants = page.body.items.flatMap(
        (p: { variants: Array<{ sku: string; gtin: string }> }) => p.variants,
      );
      expect(variants.length).toBe(150);
      for (const v of variants) expect(gtinCheckDigitOk(v.gtin) && v.gtin.length === 13, v.sku).toBe(true);
      expect(new Set(variants.map((v: { gtin: string }) => v.gtin)).size).toBe(variants.length);
    });

    it('creates an admin, a store manager and a clerk of Amsterdam whose printed passwords sign in', async () => {
      expect(t.hub.demoStaff.map((s) => s.role)).toEqual(['admin', 'store_manager', 'clerk']);
      const clerk = t.hub.demoStaff.find((s) => s.role === 'clerk')!;
      const atTill = await t.api('POST', '/api/staff/sign-in', {
        key: null,
        body: { email: clerk.email, password: clerk.password, channel: 'store-amsterdam' },
      });
      expect(atTill.status, JSON.stringify(atTill.body)).toBe(200);
      const admin = t.hub.demoStaff.find((s) => s.role === 'admin')!;
      const signedIn = await t.api('POST', '/api/staff/sign-in', {
        key: null,
        body: { email: admin.email, password: admin.password },
      });
      expect(signedIn.status).toBe(200);
    });
  },
  { demo: true },
);
