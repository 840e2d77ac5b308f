// Read-only figure the omnichannel score measures over the inbox (flows/omnichannel-score): how many
// conversations are on a customer's unified timeline, and which channel kinds customers write on.
import type { Ctx } from '../../platform/context.js';
import {
  selectConversationCounts,
  selectConversationKinds,
  selectUnlinkedSample,
} from './timeline-figures.repository.js';

export interface ConversationFigures {
  conversations: number;
  linked: number;
  multiChannel: number;
  kinds: Array<{ kind: string; conversations: number; linked: number }>;
  unlinkedSample: Array<{ id: string; channelKinds: string[] }>;
}

/** Conversations with a message since `since`, and up to `sample` that no profile is linked to. */
export async function conversationFigures(ctx: Ctx, since: Date, sample = 5): Promise<ConversationFigures> {
  return {
    ...(await selectConversationCounts(ctx.db, since)),
    kinds: await selectConversationKinds(ctx.db, since),
    unlinkedSample: await selectUnlinkedSample(ctx.db, since, sample),
  };
}
