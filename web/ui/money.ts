// Typed prices ("12,50") and minor units (the hub's only money form) in the currency's own exponent:
// JPY has none, KWD three. The exponents are the hub's (src/kernel/money.ts), so an app and the API
// always agree on what 1 minor unit is.
import { currencyExponent } from '../../src/kernel/money.ts';

export { currencyExponent };

/** "12,50" or "12.50" in a currency → minor units; NaN when it is no amount. */
export function toMinor(text: string, currency: string): number {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n)
    ? Number.NaN
    : Math.round(n * 10 ** currencyExponent(currency));
}

/** Minor units → the text a price field shows ("12.50", "1500" for JPY, "1.250" for KWD). */
export function fromMinor(minor: number, currency: string): string {
  const digits = currencyExponent(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** A range of minor units as whole main units that contain it (a price filter's hints). */
export function wholeUnitsAround(range: { min: number; max: number }, currency: string): [number, number] {
  const unit = 10 ** currencyExponent(currency);
  return [Math.floor(range.min / unit), Math.ceil(range.max / unit)];
}
