// Channel rules: codes are unique and stable; every change is an event in the same transaction.
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { CHANNEL_EVENTS, countChannelChange } from './channels.events.js';
import { insertChannel, selectChannel, selectChannels, updateChannelRow } from './channels.repository.js';
import { type Channel, ChannelInput, type ChannelPatch } from './channels.types.js';

/** The currency of a price list, or undefined if there is none with that id (the catalog answers). */
export type PriceListCurrencyLookup = (ctx: Ctx, priceListId: string) => Promise<string | undefined>;

export interface ChannelsDeps {
  priceListCurrency?: PriceListCurrencyLookup;
}

export function createChannelsService(deps: ChannelsDeps = {}) {
  // A channel sells from a price list in its own currency; refuse anything else before writing.
  async function checkPriceList(ctx: Ctx, channel: Pick<Channel, 'priceListId' | 'currency'>) {
    if (!channel.priceListId || !deps.priceListCurrency) return;
    const currency = await deps.priceListCurrency(ctx, channel.priceListId);
    if (currency === undefined) {
      throw new AppError('unknown_price_list', `There is no price list ${channel.priceListId}`, {
        issues: [{ path: 'body.priceListId', message: 'unknown price list' }],
      });
    }
    if (currency !== channel.currency) {
      throw new AppError(
        'currency_mismatch',
        `Price list ${channel.priceListId} is in ${currency}, the channel sells in ${channel.currency}`,
        { details: { priceListCurrency: currency, channelCurrency: channel.currency } },
      );
    }
  }

  return {
    async createChannel(ctx: Ctx, input: ChannelInput): Promise<Channel> {
      const parsed = ChannelInput.parse(input);
      const now = ctx.clock.now();
      const channel: Channel = { id: newId('chn'), ...parsed, createdAt: now, updatedAt: now };
      await checkPriceList(ctx, channel);
      return inTransaction(ctx, async (tx) => {
        const created = await insertChannel(tx.db, channel);
        if (!created) {
          throw new AppError('channel_code_taken', `A channel with code ${parsed.code} already exists`, {
            details: { field: 'code' },
          });
        }
        await appendEvent(tx, {
          type: CHANNEL_EVENTS.created,
          subject: created.id,
          channelId: created.id,
          payload: { channel: created },
        });
        countChannelChange(tx);
        return created;
      });
    },

    async updateChannel(ctx: Ctx, idOrCode: string, patch: ChannelPatch): Promise<Channel> {
      return inTransaction(ctx, async (tx) => {
        const current = await selectChannel(tx.db, idOrCode, true);
        if (!current) throw notFound('channel', idOrCode);
        const next: Channel = { ...current, ...patch, updatedAt: ctx.clock.now() };
        if (patch.priceListId !== undefined || patch.currency !== undefined) await checkPriceList(tx, next);
        const updated = (await updateChannelRow(tx.db, next))!;
        await appendEvent(tx, {
          type: CHANNEL_EVENTS.updated,
          subject: updated.id,
          channelId: updated.id,
          payload: { channel: updated, changed: Object.keys(patch) },
        });
        countChannelChange(tx);
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
