import type { Ctx } from '../../platform/context.js';

// Events the channels module emits.
export const CHANNEL_EVENTS = {
  created: 'channel.created',
  updated: 'channel.updated',
} as const;

// A counter of committed channel changes per database, for callers that cache channel records: a
// change made through this process is seen at once; other processes' changes within their TTL.
const committedChanges = new WeakMap<object, number>();

export const channelsVersion = (ctx: Ctx): number => committedChanges.get(ctx.database) ?? 0;

/** Counts a channel change once the caller's transaction commits. */
export function countChannelChange(ctx: Ctx): void {
  ctx.afterCommit(() => committedChanges.set(ctx.database, channelsVersion(ctx) + 1));
}
