// Read-only figure the omnichannel score measures over customer events (flows/omnichannel-score):
// the share of events per channel that landed on a known profile, with a few anonymous ones.
import type { Ctx } from '../../platform/context.js';
import {
  type EventIdentityCounts,
  selectAnonymousEventSample,
  selectEventIdentityCounts,
} from './identity-figures.repository.js';

export type { EventIdentityCounts };

export interface EventIdentityFigures {
  perChannel: EventIdentityCounts[];
  anonymousSample: Array<{ id: string; channelId: string | null; kind: string; name: string | null }>;
}

/** Events received since `since` per channel, those on a known profile, and up to `sample` anonymous ones. */
export async function eventIdentityFigures(ctx: Ctx, since: Date, sample = 5): Promise<EventIdentityFigures> {
  return {
    perChannel: await selectEventIdentityCounts(ctx.db, since),
    anonymousSample: await selectAnonymousEventSample(ctx.db, since, sample),
  };
}
