// Creating an ingestion source needs to know its channel exists, which the customers module cannot
// check itself (it never reads the channels module): the check lives here.
import { AppError } from '../../kernel/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService, Source, SourceInput } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';

export interface CustomerSourcesDeps {
  channels: Pick<ChannelsService, 'findChannel'>;
  customers: Pick<CustomersService, 'createSource'>;
}

export function createCustomerSourcesFlow(deps: CustomerSourcesDeps) {
  return {
    /** Creates a write-key source for an existing channel (given by id or code). */
    async createSource(ctx: Ctx, input: SourceInput): Promise<Source & { writeKey: string }> {
      const channel = await deps.channels.findChannel(ctx, input.channelId);
      if (!channel) {
        throw new AppError('unknown_channel', `There is no channel ${input.channelId}`, {
          issues: [{ path: 'body.channelId', message: 'unknown channel' }],
        });
      }
      return deps.customers.createSource(ctx, { ...input, channelId: channel.id });
    },
  };
}

export type CustomerSourcesFlow = ReturnType<typeof createCustomerSourcesFlow>;
