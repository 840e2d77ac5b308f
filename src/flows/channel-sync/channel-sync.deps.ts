// What the channel sync flow needs from the modules (the composition root passes their services).
import type { CatalogService } from '../../modules/catalog/index.js';
import type { ChannelSyncService } from '../../modules/channel-sync/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';

export interface ChannelSyncFlowDeps {
  sync: ChannelSyncService;
  channels: Pick<ChannelsService, 'findChannel' | 'listChannels'>;
  catalog: Pick<CatalogService, 'channelProducts' | 'channelPage'>;
  inventory: { availableToSell(ctx: Ctx, channelId: string, skus: string[]): Promise<Map<string, number>> };
  /**
   * What one unit of each SKU costs on the channel after its automatic campaigns (no customer, no
   * code): the sale price a channel shows beside the regular one. Absent: no sale prices are pushed.
   */
  salePrices?(
    ctx: Ctx,
    channelId: string,
    currency: string,
    items: Array<{ sku: string; unitPrice: number; categories: readonly string[] }>,
  ): Promise<Map<string, number>>;
}
