// Typed prices and minor units in each currency's exponent (JPY none, EUR two, KWD three), as the
// storefront's price filter and the admin's price fields convert them.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../i18n/index.tsx';
import { parseAmount } from '../pos/sale-state.ts';
import { fromMinor, toMinor, wholeUnitsAround } from './money.ts';

describe('money in the currency exponent', () => {
  it('reads typed prices into minor units', () => {
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(toMinor('12,50', 'EUR')).toBe(1250);
    expect(toMinor('12.5', 'KWD')).toBe(12_500);
    expect(toMinor('0.125', 'KWD')).toBe(125);
    expect(toMinor('', 'EUR')).toBeNaN();
    expect(toMinor('abc', 'JPY')).toBeNaN();
  });

  it('writes minor units back as the text a field shows, and round-trips', () => {
    expect(fromMinor(1500, 'JPY')).toBe('1500');
    expect(fromMinor(1250, 'EUR')).toBe('12.50');
    expect(fromMinor(12_500, 'KWD')).toBe('12.500');
    for (const [minor, cur] of [
      [99, 'JPY'],
      [1999, 'SEK'],
      [1001, 'BHD'],
    ] as const)
      expect(toMinor(fromMinor(minor, cur), cur)).toBe(minor);
  });

  it('gives a price range as whole main units around it', () => {
    expect(wholeUnitsAround({ min: 1499, max: 3201 }, 'JPY')).toEqual([1499, 3201]);
    expect(wholeUnitsAround({ min: 1499, max: 3201 }, 'EUR')).toEqual([14, 33]);
    expect(wholeUnitsAround({ min: 12_500, max: 25_250 }, 'KWD')).toEqual([12, 26]);
  });

  it('reads cash typed at the till in the exponent, refusing more decimals than the currency has', () => {
    expect(parseAmount('20,50', 'EUR')).toBe(2050);
    expect(parseAmount('2000', 'JPY')).toBe(2000);
    expect(parseAmount('20.5', 'JPY')).toBeNaN();
    expect(parseAmount('1.250', 'KWD')).toBe(1250);
    expect(parseAmount('1.255', 'EUR')).toBeNaN();
  });

  it('shows amounts in the exponent, in the apps', () => {
    expect(formatMoney('en', 1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney('en', 12_500, 'KWD')).toMatch(/^KWD\s12\.500$/);
  });
});
