// The inbox service: messages (messages.service.ts), agent work and delivery state (work.service.ts),
// reads, agents and canned replies, delegated one method per name.
import { join } from 'node:path';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { createAttachmentStore } from './attachments.js';
import { deleteCannedReply, listCannedReplies, saveCannedReply } from './canned-replies.js';
import type { InboxService } from './inbox.interface.js';
import { selectAttachment, selectLastInbound, selectMessages } from './inbox.repository.js';
import { eraseInboxData, exportInboxData } from './inbox-privacy.js';
import {
  searchConversations,
  selectAgents,
  selectConversationPage,
  selectConversationsOfCustomers,
  selectCounts,
  upsertAgent,
} from './inbox-work.repository.js';
import { createMessagesService } from './messages.service.js';
import { createTeamsService } from './teams.js';
import { createWorkService } from './work.service.js';

export interface InboxOptions {
  /** Where attachment bytes are kept (default: <dataDir>/attachments). */
  attachmentsDir: string;
  /** The largest attachment accepted, in bytes (default 10 MB). */
  maxAttachmentBytes?: number | undefined;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function inboxOptionsFor(dataDir: string): InboxOptions {
  return {
    attachmentsDir: join(
      dataDir.startsWith('memory://') ? '/tmp/omnihub-attachments' : dataDir,
      'attachments',
    ),
  };
}

export function createInboxService(opts: InboxOptions): InboxService {
  const attachments = createAttachmentStore({
    dir: opts.attachmentsDir,
    maxBytes: opts.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
  });
  const messages = createMessagesService({ attachments });
  const work = createWorkService();
  const teams = createTeamsService({ lockLive: work.lockLive });
  return {
    recordInbound: messages.recordInbound,
    recordInboundBatch: messages.recordInboundBatch,
    queueOutbound: messages.queueOutbound,
    addNote: messages.addNote,
    claimDueOutbound: work.claimDueOutbound,
    renewOutboundLeases: work.renewOutboundLeases,
    markSent: work.markSent,
    markSendFailed: work.markSendFailed,
    recordDeliveryStatus: work.recordDeliveryStatus,
    lastInbound: (ctx, id, kind) => selectLastInbound(ctx.db, id, kind),
    getConversation: messages.liveOrMerged,
    listConversations: (ctx, f) =>
      selectConversationPage(ctx.db, f, Math.min(Math.max(f.limit ?? 50, 1), 200)),
    counts: (ctx, f) => selectCounts(ctx.db, f),
    messages: (ctx, id, o = {}) =>
      selectMessages(ctx.db, id, { limit: Math.min(o.limit ?? 200, 500), before: o.before }),
    conversationsOfCustomer: (ctx, ids, limit = 50) => selectConversationsOfCustomers(ctx.db, ids, limit),
    search: (ctx, q, limit = 50) => searchConversations(ctx.db, q, limit),
    markRead: work.markRead,
    assign: work.assign,
    assignRoundRobin: work.assignRoundRobin,
    assignTeam: teams.assignTeam,
    saveTeam: teams.saveTeam,
    listTeams: teams.listTeams,
    deleteTeam: teams.deleteTeam,
    setStatus: work.setStatus,
    changeTags: work.changeTags,
    merge: work.merge,
    wakeSnoozed: work.wakeSnoozed,
    saveAgent: (ctx, a) => upsertAgent(ctx.db, { ...a, now: ctx.clock.now() }),
    listAgents: (ctx) => selectAgents(ctx.db),
    listCannedReplies,
    saveCannedReply,
    deleteCannedReply,
    async attachmentFile(ctx: Ctx, id: string) {
      const a = await selectAttachment(ctx.db, id);
      if (!a) throw new AppError('not_found', 'No such attachment');
      const { storageKey, ...attachment } = a;
      return { attachment, path: attachments.pathOf(storageKey) };
    },
    async eraseCustomerData(ctx, subject) {
      const { orphanKeys, ...counts } = await eraseInboxData(ctx, subject);
      ctx.afterCommit(() => void attachments.remove(orphanKeys).catch(() => undefined));
      return counts;
    },
    exportCustomerData: exportInboxData,
    openChatVisitor: work.openChatVisitor,
    chatVisitor: work.chatVisitor,
  };
}
