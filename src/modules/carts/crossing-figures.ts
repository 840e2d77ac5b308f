// Read-only figure the omnichannel score measures over carts (flows/omnichannel-score): carts handed
// from one channel to another (a webshop cart picked up at a till by its code, an app cart opened on
// the web), with the carts made in the same window and a few of the moves.
import type { Ctx } from '../../platform/context.js';
import {
  type CartCrossings,
  selectCartCrossings,
  selectCartsMade,
  selectCrossingSample,
} from './crossing-figures.repository.js';

export type { CartCrossings };

export interface CartCrossingFigures {
  crossings: CartCrossings[];
  made: Array<{ channelId: string; carts: number }>;
  sample: Array<{ cartId: string; fromChannelId: string; toChannelId: string }>;
}

/** Carts that changed channel since `since`, carts made since then, and up to `sample` moves. */
export async function cartCrossingFigures(ctx: Ctx, since: Date, sample = 5): Promise<CartCrossingFigures> {
  return {
    crossings: await selectCartCrossings(ctx.db, since),
    made: await selectCartsMade(ctx.db, since),
    sample: await selectCrossingSample(ctx.db, since, sample),
  };
}
