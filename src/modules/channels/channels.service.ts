// Channel rules: codes are unique and stable; every change is an event in the same transaction.
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { CHANNEL_EVENTS } from './channels.events.js';
import { insertChannel, selectChannel, selectChannels, updateChannelRow } from './channels.repository.js';
import { type Channel, ChannelInput, type ChannelPatch } from './channels.types.js';

export function createChannelsService() {
  return {
    async createChannel(ctx: Ctx, input: ChannelInput): Promise<Channel> {
      const parsed = ChannelInput.parse(input);
      const now = ctx.clock.now();
      const channel: Channel = { id: newId('chn'), ...parsed, createdAt: now, updatedAt: now };
      return inTransaction(ctx, async (tx) => {
        const created = await insertChannel(tx.db, channel);
        if (!created) {
          throw new AppError('conflict', `A channel with code ${parsed.code} already exists`, {
            details: { field: 'code' },
          });
        }
        await appendEvent(tx, {
          type: CHANNEL_EVENTS.created,
          subject: created.id,
          channelId: created.id,
          payload: { channel: created },
        });
        return created;
      });
    },

    async updateChannel(ctx: Ctx, idOrCode: string, patch: ChannelPatch): Promise<Channel> {
      return inTransaction(ctx, async (tx) => {
        const current = await selectChannel(tx.db, idOrCode, true);
        if (!current) throw notFound('channel', idOrCode);
        const next: Channel = { ...current, ...patch, updatedAt: ctx.clock.now() };
        const updated = (await updateChannelRow(tx.db, next))!;
        await appendEvent(tx, {
          type: CHANNEL_EVENTS.updated,
          subject: updated.id,
          channelId: updated.id,
          payload: { channel: updated, changed: Object.keys(patch) },
        });
        return updated;
      });
    },

    async getChannel(ctx: Ctx, idOrCode: string): Promise<Channel> {
      const c = await selectChannel(ctx.db, idOrCode);
      if (!c) throw notFound('channel', idOrCode);
      return c;
    },

    findChannel: (ctx: Ctx, idOrCode: string) => selectChannel(ctx.db, idOrCode),

    listChannels: (ctx: Ctx, filter: { type?: string | undefined } = {}) => selectChannels(ctx.db, filter),
  };
}

export type ChannelsService = ReturnType<typeof createChannelsService>;
