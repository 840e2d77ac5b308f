// Marketplace discounts as imports take them: spread over the lines to the cent, and read from the
// platforms' own discount lines.
import { describe, expect, it } from 'vitest';
import { discountsOf } from '../../connectors/inbound/wire-adapter.js';
import { spreadDiscount } from './import-order.flow.js';

describe('imported discounts', () => {
  it('spreads a discount over the lines in proportion, remainders to the largest, never above a line', () => {
    expect(spreadDiscount([3000, 1000], 500)).toEqual([375, 125]);
    expect(spreadDiscount([1000, 1000, 1000], 100)).toEqual([34, 33, 33]);
    expect(spreadDiscount([100, 50], 1000)).toEqual([100, 50]);
    expect(spreadDiscount([0, 0], 10)).toEqual([0, 0]);
  });
  it("reads Shopify's discount codes and WooCommerce's coupon lines in minor units", () => {
    expect(discountsOf([{ code: 'SUMMER', amount: '10.50' }], 'amount', 'EUR')).toEqual({
      discounts: [{ code: 'SUMMER', amount: 1050 }],
    });
    expect(discountsOf([{ code: 'x', discount: '0.00' }], 'discount', 'EUR')).toEqual({});
  });
});
