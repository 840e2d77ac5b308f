// Routes that need both the CDP and the customers module: a customer's audiences (asked by any of
// its profile ids, answered for the surviving one) and an audience's export to a channel, each
// member with the consent answer for the purpose and channel (mayContact), for a channel-sync or
// ad-platform upload. Live sync is a webhook endpoint subscribed to audience.entered / exited with
// a contact purpose: the delivery queue asks the same consent per customer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CdpService } from '../../modules/cdp/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';

const Params = z.object({ id: z.string().max(100) });
const CustomerAudience = z.object({ audienceId: z.string(), key: z.string(), name: z.string() });
const ExportQuery = z.strictObject({
  purpose: z.string().regex(/^[a-z][a-z0-9 _-]{0,60}$/, 'a word such as marketing'),
  channel: z.string().regex(/^(\*|chn_[A-Za-z0-9_-]{1,80})$/, "a channel id or '*'"),
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const ExportPage = z.object({
  type: z.literal('audience.export'),
  audienceId: z.string(),
  audienceKey: z.string(),
  purpose: z.string(),
  channel: z.string(),
  items: z.array(z.object({ customerId: z.string() })),
  skipped: z.array(z.object({ customerId: z.string(), reason: z.string() })),
  next: z.string().nullable(),
});

export const cdpFlowRoutes =
  (deps: {
    cdp: CdpService;
    customers: Pick<CustomersService, 'resolveCluster' | 'mayContact'>;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/customers/:id/audiences',
      {
        config: { policy: secretKeys('cdp:read', 'unbound') },
        schema: {
          tags: ['cdp'],
          summary: 'The audiences a customer is in',
          params: Params,
          response: { 200: z.object({ customerId: z.string(), items: z.array(CustomerAudience) }) },
        },
      },
      async (request) => {
        const { root } = await deps.customers.resolveCluster(request.ctx, request.params.id);
        const [members, audiences] = await Promise.all([
          deps.cdp.membershipsOf(request.ctx, [root.id]),
          deps.cdp.listAudiences(request.ctx),
        ]);
        const byId = new Map(audiences.map((a) => [a.id, a]));
        return {
          customerId: root.id,
          items: members.flatMap((m) => {
            const a = byId.get(m.audienceId);
            return a ? [{ audienceId: a.id, key: a.key, name: a.name }] : [];
          }),
        };
      },
    );

    app.get(
      '/audiences/:id/export',
      {
        config: { policy: secretKeys('cdp:read', 'unbound') },
        schema: {
          tags: ['cdp'],
          summary: "A page of an audience's members who may be contacted for a purpose on a channel",
          params: Params,
          querystring: ExportQuery,
          response: { 200: ExportPage },
        },
      },
      async (request) => {
        const q = request.query;
        const audience = await deps.cdp.getAudience(request.ctx, request.params.id);
        const page = await deps.cdp.members(request.ctx, audience.id, { after: q.after, limit: q.limit });
        const items: Array<{ customerId: string }> = [];
        const skipped: Array<{ customerId: string; reason: string }> = [];
        for (const m of page.items) {
          const d = await deps.customers.mayContact(request.ctx, m.customerId, q.purpose, q.channel);
          if (d.allowed) items.push({ customerId: m.customerId });
          else skipped.push({ customerId: m.customerId, reason: d.reason ?? 'no_consent' });
        }
        return {
          type: 'audience.export' as const,
          audienceId: audience.id,
          audienceKey: audience.key,
          purpose: q.purpose,
          channel: q.channel,
          items,
          skipped,
          next: page.next,
        };
      },
    );
  };
