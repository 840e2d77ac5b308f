// The agents' inbox API (/api/inbox/*): the inbox page with filters and counts, a conversation with
// its cross-channel messages and the customer beside it, replies, notes, assignment, status, tags,
// search, merges, canned replies, agents, attachments and product links for replies. inbox:read / inbox:write, secret keys and
// staff sessions, retailer-wide (a conversation spans channels).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conversationReadRoutes } from './conversation-read.routes.js';
import { conversationWorkRoutes } from './conversation-work.routes.js';
import type { InboxRouteDeps } from './inbox-route-schemas.js';
import { inboxSettingsRoutes } from './inbox-settings.routes.js';
import { productLinkRoutes } from './product-links.routes.js';
import { replyRoutes } from './reply.routes.js';

export { type InboxRouteDeps, InboxText } from './inbox-route-schemas.js';

export const inboxRoutes =
  (deps: InboxRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(conversationReadRoutes(deps));
    await app.register(replyRoutes(deps));
    await app.register(conversationWorkRoutes(deps));
    await app.register(inboxSettingsRoutes(deps));
    await app.register(productLinkRoutes({ ...deps.products, inbox: deps.inbox, publicUrl: deps.publicUrl }));
  };
