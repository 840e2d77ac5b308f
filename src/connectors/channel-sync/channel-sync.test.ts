// Channel sync pieces without a hub: the token bucket's decisions on a fake clock, decimal prices,
// the WooCommerce update entry, and the SSRF guard refusing private targets when saving.
import { describe, expect, it } from 'vitest';
import { decimalAmount } from '../../flows/channel-sync/index.js';
import { systemClock } from '../../kernel/index.js';
import { createChannelSyncService } from '../../modules/channel-sync/index.js';
import { createContext } from '../../platform/context.js';
import { testLog } from '../../platform/testing/test-databases.js';
import { createTargetGuard } from '../webhooks-out/index.js';
import { shopifyMutation } from './shopify.js';
import { TokenBucket } from './token-bucket.js';
import { wooEntry } from './woocommerce.js';

describe('token bucket', () => {
  it('grants the burst at once, then the rate, per window of the fake clock', () => {
    let now = 1_000_000;
    const bucket = new TokenBucket(5, 2, now);
    const granted: number[] = [];
    // Ask every 10 ms for 3 s; count what is granted in each second.
    for (let t = 0; t < 3000; t += 10) {
      now = 1_000_000 + t;
      if (bucket.take(now) === 0) granted.push(t);
    }
    const perSecond = [0, 1, 2].map((s) => granted.filter((t) => t >= s * 1000 && t < (s + 1) * 1000).length);
    expect(perSecond[0]).toBeLessThanOrEqual(2 + 5);
    expect(perSecond[1]).toBeLessThanOrEqual(5);
    expect(perSecond[2]).toBeLessThanOrEqual(5);
    expect(granted.length).toBeGreaterThanOrEqual(15);
    // The first two go at once (the burst), the third waits 200 ms for a token.
    expect(granted.slice(0, 3)).toEqual([0, 10, 200]);
  });

  it('says how long to wait and takes nothing when refused', () => {
    const bucket = new TokenBucket(2, 1, 0);
    expect(bucket.take(0)).toBe(0);
    expect(bucket.take(0)).toBe(500);
    expect(bucket.take(250)).toBe(250);
    expect(bucket.take(500)).toBe(0);
  });
});

describe('wire shapes', () => {
  it('writes prices as decimal strings in the currency exponent', () => {
    expect(decimalAmount(1450, 'EUR')).toBe('14.50');
    expect(decimalAmount(5, 'EUR')).toBe('0.05');
    expect(decimalAmount(1500, 'JPY')).toBe('1500');
    expect(decimalAmount(-250, 'SEK')).toBe('-2.50');
  });

  it('sends WooCommerce only the fields of what changed, plus the transform', () => {
    const item = {
      sku: 'A',
      channelId: 'chn_x',
      channelCode: 'web',
      changed: ['price' as const],
      known: true,
      productId: 'prod_x',
      handle: 'a',
      title: 'A tee',
      description: null,
      listed: true,
      availableToSell: 4,
      price: { amount: 1450, currency: 'EUR', decimal: '14.50' },
      priceSource: 'price_list' as const,
      gtin: null,
      stockPolicy: 'deny' as const,
      availableFrom: null,
      availability: 'in_stock' as const,
    };
    expect(wooEntry({ sku: 'A', item, payload: item }, 7, false)).toEqual({ id: 7, regular_price: '14.50' });
    expect(wooEntry({ sku: 'A', item, payload: { sale_price: '9.99', id: 99 } }, 7, true)).toEqual({
      id: 7,
      regular_price: '14.50',
      sale_price: '9.99',
    });
  });

  it("pushes a campaign's sale price: WooCommerce sale_price, Shopify price with compare-at; none clears it", () => {
    const base = {
      sku: 'A',
      channelId: 'chn_x',
      channelCode: 'web',
      changed: ['price' as const],
      known: true,
      productId: 'prod_x',
      handle: 'a',
      title: 'A tee',
      description: null,
      listed: true,
      availableToSell: 4,
      price: { amount: 1450, currency: 'EUR', decimal: '14.50' },
      priceSource: 'price_list' as const,
      gtin: null,
      stockPolicy: 'deny' as const,
      availableFrom: null,
      availability: 'in_stock' as const,
    };
    const onSale = { ...base, salePrice: { amount: 1305, currency: 'EUR', decimal: '13.05' } };
    const ended = { ...base, salePrice: null };
    expect(wooEntry({ sku: 'A', item: onSale, payload: onSale }, 7, false)).toEqual({
      id: 7,
      regular_price: '14.50',
      sale_price: '13.05',
    });
    expect(wooEntry({ sku: 'A', item: ended, payload: ended }, 7, false)).toEqual({
      id: 7,
      regular_price: '14.50',
      sale_price: '',
    });
    const connection = { credentials: { accessToken: 'x', locationId: 'l' }, transform: null } as never;
    const ref = { productId: 'gid://shopify/Product/1', variantId: 'gid://shopify/ProductVariant/1' };
    const variants = (item: typeof onSale | typeof ended) =>
      shopifyMutation(connection, [{ sku: 'A', item, payload: item, ref } as never]).variables.v0;
    expect(variants(onSale)).toEqual([{ id: ref.variantId, price: '13.05', compareAtPrice: '14.50' }]);
    expect(variants(ended)).toEqual([{ id: ref.variantId, price: '14.50', compareAtPrice: null }]);
  });
});

describe('SSRF guard on connections', () => {
  it('refuses loopback and private targets unless allowed', async () => {
    const guard = createTargetGuard({ allowPrivate: false });
    const service = createChannelSyncService({ checkTargetUrl: (u, field) => guard.check(u, field) });
    const ctx = createContext({ db: {} } as never, { clock: systemClock, log: testLog as never });
    for (const baseUrl of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/',
      'http://169.254.169.254/latest',
    ]) {
      await expect(
        service.createConnection(ctx, { kind: 'generic', channelId: 'chn_x', baseUrl }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        issues: [expect.objectContaining({ path: 'body.baseUrl' })],
      });
    }
  });
});
