// Read-only figures the omnichannel score measures over orders (flows/omnichannel-score): orders tied
// to a customer profile and click & collect orders per channel, returns per channel sold and returned
// on, with a few of the orders behind each number. Set-based: one grouped statement per figure.
import type { Ctx } from '../../platform/context.js';
import {
  type OrderChannelCounts,
  type OrderSample,
  type ReturnChannelCounts,
  selectOrderChannelCounts,
  selectOrderSample,
  selectReturnChannelCounts,
} from './omnichannel-figures.repository.js';

export type { OrderChannelCounts, OrderSample, ReturnChannelCounts };

export interface OrderFigures {
  perChannel: OrderChannelCounts[];
  returns: ReturnChannelCounts[];
  samples: { anonymous: OrderSample[]; pickup: OrderSample[]; returnedElsewhere: OrderSample[] };
}

/** Orders and returns since `since`, counted per channel, with up to `sample` orders behind each figure. */
export async function orderFigures(ctx: Ctx, since: Date, sample = 5): Promise<OrderFigures> {
  return {
    perChannel: await selectOrderChannelCounts(ctx.db, since),
    returns: await selectReturnChannelCounts(ctx.db, since),
    samples: {
      anonymous: await selectOrderSample(ctx.db, 'anonymous', since, sample),
      pickup: await selectOrderSample(ctx.db, 'pickup', since, sample),
      returnedElsewhere: await selectOrderSample(ctx.db, 'returned_elsewhere', since, sample),
    },
  };
}
