// Inbound messages, a batch at a time: thread hints followed (email, a conversation named), then ONE
// read (stored duplicates, the customers' open conversations), the decision in memory
// (inbound-decision.ts) and ONE write (inbound-batch.repository.ts). When the write finds the
// database moved since the read (a concurrent batch opened the customer's conversation or stored the
// same external id), the batch is read and decided again.
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { AttachmentStore } from './attachments.js';
import {
  analyzeInboxTables,
  isStaleInbound,
  readInboundState,
  writeInboundBatch,
} from './inbound-batch.repository.js';
import { decideInbound, dedupeKey, type InboundDecision, type InboundItem } from './inbound-decision.js';
import type { InboundOutcome, RecordInboundInput } from './inbox.interface.js';
import {
  selectConversation,
  selectConversationByExternalIds,
  selectConversationByReplyToken,
} from './inbox.repository.js';
import type { Conversation } from './inbox.types.js';

/** `<id@host>` and `id@host` are the same Message-ID. */
export const bareMessageId = (id: string): string => id.trim().replace(/^<|>$/g, '').slice(0, 998);

const MAX_ATTEMPTS = 4;

async function threadOf(ctx: Ctx, input: RecordInboundInput): Promise<Conversation | null> {
  const h = input.threadHints;
  let found: Conversation | null = null;
  if (h?.conversationId) found = await selectConversation(ctx.db, h.conversationId);
  if (!found && h?.replyToken) found = await selectConversationByReplyToken(ctx.db, h.replyToken);
  if (!found && h?.references?.length)
    found = await selectConversationByExternalIds(ctx.db, input.channelKind, h.references.map(bareMessageId));
  // A merged conversation lives on in the one it was merged into.
  for (let i = 0; found?.mergedInto && i < 5; i++) found = await selectConversation(ctx.db, found.mergedInto);
  if (found?.mergedInto) found = null;
  // A thread of someone else is not joined on a hint alone (a forwarded mail keeps its References).
  const same = (id: string) => id === input.customerId || !!input.customerProfileIds?.includes(id);
  if (found && input.customerId && found.customerId && !same(found.customerId)) found = null;
  return found;
}

function outcomesOf(d: InboundDecision, written: Map<string, Conversation>): InboundOutcome[] {
  const out: InboundOutcome[] = [];
  for (const p of d.placements) {
    if (p.kind === 'stored') out.push({ ...p, duplicate: true, opened: false });
    else if (p.kind === 'repeat') out.push({ ...out[p.of]!, duplicate: true, opened: false });
    else
      out.push({
        conversation: written.get(p.message.conversationId)!,
        message: p.message,
        duplicate: false,
        opened: p.opened,
      });
  }
  return out;
}

export function createInboundService(deps: { attachments: AttachmentStore }) {
  // Planner statistics as volume grows (autovacuum gets there a minute later; PGlite never does): at
  // 1,000 messages stored by this process, then 10,000, and so on. Not awaited: the batch that
  // crosses the mark answers without waiting for the ANALYZE (its own connection on PostgreSQL).
  let written = 0;
  let nextAnalyze = 1_000;
  function refreshStatistics(ctx: Ctx, messages: number): void {
    written += messages;
    if (written < nextAnalyze) return;
    nextAnalyze = Math.min(nextAnalyze * 10, written + 1_000_000);
    analyzeInboxTables(ctx.database.db).catch((err) =>
      ctx.log.warn({ err }, 'analyze of inbox tables failed'),
    );
  }

  /** Stores the files of the items that will be new messages (once: a retry reuses them). */
  async function saveFiles(ctx: Ctx, items: InboundItem[], stored: (item: InboundItem) => boolean) {
    for (const item of items) {
      const files = item.input.attachments;
      if (!files?.length || item.attachments.length || stored(item)) continue;
      const saved = await deps.attachments.save(files);
      const now = ctx.clock.now();
      item.attachments = saved.map((f) => ({
        id: newId('att'),
        messageId: '',
        filename: f.filename,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        storageKey: f.storageKey,
        createdAt: now,
      }));
    }
  }

  async function recordInboundBatch(ctx: Ctx, inputs: RecordInboundInput[]): Promise<InboundOutcome[]> {
    for (const input of inputs) deps.attachments.check(input.attachments ?? []);
    const items: InboundItem[] = [];
    for (const input of inputs) {
      const h = input.threadHints;
      const hinted = !!(h?.conversationId || h?.replyToken || h?.references?.length);
      items.push({
        input,
        externalId: input.externalId ? input.externalId.slice(0, 998) : null,
        thread: hinted ? await threadOf(ctx, input) : null,
        attachments: [],
      });
    }
    const keys = items.flatMap((i) =>
      i.externalId === null ? [] : [{ kind: i.input.channelKind, externalId: i.externalId }],
    );
    const profileIds = [
      ...new Set(
        inputs.flatMap((i) => (i.customerId ? [i.customerId, ...(i.customerProfileIds ?? [])] : [])),
      ),
    ];
    for (let attempt = 1; ; attempt++) {
      const state = await readInboundState(ctx.db, keys, profileIds);
      await saveFiles(
        ctx,
        items,
        (item) =>
          item.externalId !== null && state.stored.has(dedupeKey(item.input.channelKind, item.externalId)),
      );
      const decision = decideInbound(items, state, ctx.clock.now());
      if (decision.messages.length === 0) return outcomesOf(decision, new Map());
      try {
        const conversations = await writeInboundBatch(ctx, decision);
        if (!ctx.inTx) refreshStatistics(ctx, decision.messages.length);
        return outcomesOf(decision, conversations);
      } catch (err) {
        // Inside a caller's transaction a failed statement ends it: nothing to retry here.
        if (ctx.inTx || !isStaleInbound(err) || attempt >= MAX_ATTEMPTS) throw err;
        ctx.log.debug({ attempt }, 'inbound batch met a concurrent change; deciding again');
      }
    }
  }

  return { recordInboundBatch };
}
