// Read-only figure the omnichannel score measures over the wallet (flows/omnichannel-score): on which
// channels customers earn and spend points, gift cards and store credit.
import type { Ctx } from '../../platform/context.js';
import { selectWalletChannelUse, type WalletChannelUse } from './channel-figures.repository.js';

export type { WalletChannelUse };

/** Wallet entries per channel since `since`. */
export function walletChannelUse(ctx: Ctx, since: Date): Promise<WalletChannelUse[]> {
  return selectWalletChannelUse(ctx.db, since);
}
