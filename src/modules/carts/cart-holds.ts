// How much of a line the stock holds behind it cover.
import type { CartHold, CartLine } from './carts.types.js';

export const holdStatusOf = (quantity: number, holds: CartHold[]): CartLine['holdStatus'] => {
  const held = holds.reduce((s, h) => s + h.quantity, 0);
  return held >= quantity ? 'held' : held > 0 ? 'partly_held' : holds.length === 0 ? 'none' : 'lost';
};
