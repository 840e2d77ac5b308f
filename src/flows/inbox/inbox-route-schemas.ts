// What the agents' inbox routes share: their policies, ids, tags, the text a person wrote and how an
// attachment is served.
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { Attachment, InboxService } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CustomerPanelFlow } from './customer-panel.flow.js';
import type { InboxFlow } from './inbox-flow.interface.js';
import type { QuickActions } from './quick-actions.flow.js';

/** A channel's products matching words, as its storefront lists them. */
export type ProductSearch = (
  ctx: Ctx,
  channel: Channel,
  q: string,
  locale: string | undefined,
) => Promise<Array<{ id: string; handle: string; title: string }>>;

/** Where product links in replies come from: the channels and a channel's catalog search. */
export interface ProductLinkSources {
  channels: Pick<ChannelsService, 'findChannel' | 'listChannels'>;
  search: ProductSearch;
}

export interface InboxRouteDeps {
  inbox: InboxService;
  flow: InboxFlow;
  panel: CustomerPanelFlow;
  actions: QuickActions;
  /** Where shoppers reach the hub (OMNIHUB_PUBLIC_URL); links fall back to the request's origin. */
  publicUrl?: string | undefined;
  /** Product links in replies: the channels and a channel's catalog search. */
  products: ProductLinkSources;
}

export const read = secretKeys('inbox:read', 'unbound');
export const write = secretKeys('inbox:write', 'unbound');
export const tags = ['inbox'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text a person wrote: no NUL, no lone surrogate (refused naming the field, never stored). */
export const InboxText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (s) => !s.includes('\u0000') && !LONE_SURROGATE.test(s),
      'must not contain NUL or lone surrogates',
    );
export const Id = z.string().min(1).max(80);
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((t) => ![...t].some((c) => c.charCodeAt(0) < 32), 'must not contain control characters');

/** An attachment's bytes as a download, never rendered inline: a customer's HTML file must not run in an app's origin. */
export const sendAttachment = (reply: FastifyReply, file: { attachment: Attachment; path: string }) =>
  reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${encodeURIComponent(file.attachment.filename)}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-length', file.attachment.size)
    .send(createReadStream(file.path));
