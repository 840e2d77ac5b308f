// Benefits that work on units rather than line values: buy X get Y (the cheapest units free or
// discounted) and bundles (complete sets at the set price). Pure, like the rest of the engine.
import { allocateByValue, percentOf } from './allocation.js';

/** What these benefits read of a cart line. */
type UnitLine = { sku: string; quantity: number; unitPrice: number };

/** Units of eligible lines, cheapest first: buy X get Y discounts the cheapest units. */
export function buyXGetY(
  input: { lines: readonly UnitLine[] },
  eligible: boolean[],
  buy: number,
  get: number,
  bp: number,
) {
  const units: Array<{ line: number; price: number }> = [];
  input.lines.forEach((l, i) => {
    if (eligible[i]) for (let u = 0; u < l.quantity; u++) units.push({ line: i, price: l.unitPrice });
  });
  const free = Math.floor(units.length / (buy + get)) * get;
  const out = input.lines.map(() => 0);
  units.sort((a, b) => a.price - b.price || a.line - b.line);
  for (const u of units.slice(0, free)) out[u.line]! += u.price;
  return { lines: out.map((v) => percentOf(v, bp)), units: units.length };
}

/**
 * A bundle: each complete set in the cart (every item in its quantity, from eligible lines, taken in
 * line order) costs the set price; the saving is spread over the set's lines
 * by value. With no complete set, how many units one set still lacks.
 */
export function bundle(
  input: { lines: readonly UnitLine[] },
  eligible: boolean[],
  items: Array<{ sku: string; quantity: number }>,
  price: number,
) {
  const out = input.lines.map(() => 0);
  const have = (sku: string) =>
    input.lines.reduce((n, l, i) => n + (eligible[i] && l.sku === sku ? l.quantity : 0), 0);
  const sets = Math.min(...items.map((it) => Math.floor(have(it.sku) / it.quantity)));
  if (sets === 0) {
    const short = items.reduce((n, it) => n + Math.max(0, it.quantity - have(it.sku)), 0);
    return { lines: out, short };
  }
  // The units the sets take, line by line, and what they are worth at the cart's prices.
  const taken = input.lines.map(() => 0);
  for (const it of items) {
    let need = sets * it.quantity;
    input.lines.forEach((l, i) => {
      if (need === 0 || !eligible[i] || l.sku !== it.sku) return;
      const n = Math.min(need, l.quantity - taken[i]!);
      taken[i]! += n;
      need -= n;
    });
  }
  const values = input.lines.map((l, i) => taken[i]! * l.unitPrice);
  const worth = values.reduce((s, v) => s + v, 0);
  const saving = Math.max(0, worth - sets * price);
  return { lines: allocateByValue(saving, values), short: 0 };
}
