// /api/score: the omnichannel score with its evidence, the advisor's answer, and the retailer's own
// answers to the advisor. Retailer-wide figures: secret keys not bound to a channel, staff (admins).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Advice, RetailerProfile } from '../../modules/advisor/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { OmnichannelScoreFlow } from './score.flow.js';
import { OmnichannelScore } from './score.types.js';

const Window = z.strictObject({
  days: z.coerce.number().int().min(1).max(3650).default(90).describe('the window measured: the last N days'),
});

const SavedProfile = z.object({ profile: RetailerProfile, updatedAt: z.date() });

export const omnichannelScoreRoutes =
  (flow: OmnichannelScoreFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/score',
      {
        config: { policy: secretKeys('insights:read', 'unbound') },
        schema: {
          tags: ['insights'],
          summary:
            'The omnichannel score: each dimension measured from the data, with its evidence and next step',
          querystring: Window,
          response: { 200: OmnichannelScore },
        },
      },
      async (request) => flow.score(request.ctx, request.query.days),
    );

    app.get(
      '/score/advisor',
      {
        config: { policy: secretKeys('insights:read', 'unbound') },
        schema: {
          tags: ['insights'],
          summary: 'Which channels and capabilities to integrate next, and why (needs the retailer profile)',
          querystring: Window,
          response: {
            200: z.object({
              profile: RetailerProfile.nullable(),
              updatedAt: z.date().nullable(),
              overall: z.number().int(),
              advice: z.array(Advice),
            }),
          },
        },
      },
      async (request) => flow.advice(request.ctx, request.query.days),
    );

    app.put(
      '/score/advisor/profile',
      {
        config: { policy: secretKeys('insights:write', 'unbound') },
        schema: {
          tags: ['insights'],
          summary:
            "Saves the retailer's own answers to the advisor (type of commerce, customers, volume, years, goals)",
          body: RetailerProfile,
          response: { 200: SavedProfile },
        },
      },
      async (request) => flow.saveProfile(request.ctx, request.body),
    );
  };
