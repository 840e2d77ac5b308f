// The rounding rule, in one place (docs/promotions.md): a percentage is taken per line and rounded
// half up to the minor unit; an amount is spread over lines in proportion to their value by the
// largest-remainder method, so the parts are whole minor units and sum to the amount exactly.

/** `bp` basis points of `value`, rounded half up; never more than the value. */
export const percentOf = (value: number, bp: number): number =>
  Math.min(value, Math.floor((value * bp + 5_000) / 10_000));

/** Splits `amount` over `values` by value; parts sum exactly to min(amount, sum of values). */
export function allocateByValue(amount: number, values: number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  const total = Math.min(Math.max(0, Math.trunc(amount)), sum);
  if (total === 0 || sum <= 0) return values.map(() => 0);
  const exact = values.map((v) => (total * v) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((s, v) => s + v, 0);
  // The remainder goes to the largest fractions first (ties: the earlier line), one unit each.
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    if (parts[i]! < values[i]!) {
      parts[i]! += 1;
      rest--;
    }
  }
  return parts;
}
