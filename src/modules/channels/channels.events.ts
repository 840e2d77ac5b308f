// Events the channels module emits, with their payload schemas; subject and channel are the channel.
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';
import { Channel } from './channels.types.js';

export const CHANNEL_EVENTS = {
  created: 'channel.created',
  updated: 'channel.updated',
} as const;

/** The channel record as JSON (times as ISO strings). */
const ChannelRecord = Channel.extend({ createdAt: EventTime, updatedAt: EventTime }).strict();

export const CHANNEL_EVENT_SCHEMAS = defineEvents({
  [CHANNEL_EVENTS.created]: z.strictObject({ channel: ChannelRecord }),
  [CHANNEL_EVENTS.updated]: z.strictObject({
    channel: ChannelRecord,
    changed: z.array(z.string()).describe('the fields the patch gave (priceListId, currency, status, …)'),
  }),
});

export type ChannelEventPayload<T extends keyof typeof CHANNEL_EVENT_SCHEMAS> = EventPayload<
  typeof CHANNEL_EVENT_SCHEMAS,
  T
>;

// A counter of committed channel changes per database, for callers that cache channel records: a
// change made through this process is seen at once; other processes' changes within their TTL.
const committedChanges = new WeakMap<object, number>();

export const channelsVersion = (ctx: Ctx): number => committedChanges.get(ctx.database) ?? 0;

/** Counts a channel change once the caller's transaction commits. */
export function countChannelChange(ctx: Ctx): void {
  ctx.afterCommit(() => committedChanges.set(ctx.database, channelsVersion(ctx) + 1));
}
