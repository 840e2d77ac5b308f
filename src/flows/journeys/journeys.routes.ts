// Admin routes of journeys and messaging: journeys with live counts per step and their settings,
// the brand and send rules, templates (list, save, preview per format), the suppression list and a
// customer's messages. Journeys and templates are hub-wide: unbound secret keys and staff only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOURNEY_KEYS } from '../../modules/journeys/index.js';
import {
  DELIVERY_STATUSES,
  MESSAGE_FORMATS,
  MESSAGE_LOCALES,
  MessagingSettings,
  Rendered,
  TEMPLATE_STAGES,
  Template,
  TemplateInput,
} from '../../modules/messaging/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { JourneysFlow } from './journeys.flow.js';

const tags = ['journeys'];
const READ = secretKeys('journeys:read', 'unbound');
const WRITE = secretKeys('journeys:write', 'unbound');

const JourneySettingsInput = z.object({
  enabled: z.boolean(),
  delaySeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400),
  channelOrder: z.array(z.enum(MESSAGE_FORMATS)).min(1).max(6),
});
const JourneySummary = JourneySettingsInput.extend({
  channelOrder: z.array(z.string()),
  key: z.enum(JOURNEY_KEYS),
  purpose: z.enum(['marketing', 'transactional']),
  steps: z.array(
    z.object({
      index: z.number().int(),
      template: z.string(),
      afterSeconds: z.number().int(),
      waiting: z.number().int(),
    }),
  ),
  active: z.number().int(),
  completed: z.number().int(),
  exited: z.number().int(),
  converted: z.number().int(),
});
const Values = z.record(z.string().max(60), z.string().max(2000));
const PreviewInput = z.object({
  key: z.string().max(60),
  locale: z.enum(MESSAGE_LOCALES),
  stage: z.enum(TEMPLATE_STAGES).optional(),
  content: z
    .object({
      format: z.enum(MESSAGE_FORMATS),
      subject: z.string().max(200).default(''),
      body: z.string().min(1).max(5000),
      cta: z.string().max(80).nullable().default(null),
    })
    .optional(),
  values: Values.optional(),
});
const SendView = z.object({
  id: z.string(),
  runId: z.string().nullable(),
  journey: z.string().nullable().describe('the journey whose run sent it'),
  channelId: z.string().nullable().describe('the sales channel it is about (the cart’s, the order’s)'),
  templateKey: z.string(),
  formats: z.array(z.string()).describe('the channel order it was tried in'),
  format: z.string().nullable().describe('the format it went out on (email, sms, whatsapp, push…)'),
  purpose: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  dueAt: z.date(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  deliveryStatus: z
    .enum(DELIVERY_STATUSES)
    .nullable()
    .describe("the provider's last report on a sent message (Twilio's SMS status callback)"),
});
const RunView = z.object({
  id: z.string(),
  journey: z.string(),
  ref: z.string(),
  step: z.number().int(),
  status: z.string(),
  dueAt: z.date().nullable(),
  exitReason: z.string().nullable(),
  startedAt: z.date(),
});

export const journeysRoutes =
  (flow: JourneysFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/journeys',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'Journeys with live counts per step',
          response: { 200: z.object({ items: z.array(JourneySummary) }) },
        },
      },
      async (request) => ({ items: await flow.journeys.list(request.ctx) }),
    );
    app.put(
      '/journeys/:key',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: "Change a journey's settings (on/off, first delay, channel order)",
          params: z.object({ key: z.string().max(60) }),
          body: JourneySettingsInput,
          response: { 200: JourneySummary },
        },
      },
      async (request) => flow.journeys.saveSettings(request.ctx, request.params.key, request.body),
    );
    app.post(
      '/journeys/:key/sweep',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary:
            'Run a sweeping journey now: the daily win-back or the hourly birthday sweep (unless another node is running it)',
          params: z.object({ key: z.enum(['win_back', 'birthday']) }),
          response: { 200: z.object({ started: z.number().int() }) },
        },
      },
      async (request) => ({
        started:
          request.params.key === 'win_back'
            ? await flow.winBackSweep(request.ctx, true)
            : await flow.birthdaySweep(request.ctx, true),
      }),
    );
    app.get(
      '/messaging/settings',
      {
        config: { policy: READ },
        schema: { tags, summary: 'The brand and send rules', response: { 200: MessagingSettings } },
      },
      async (request) => flow.messaging.settings(request.ctx),
    );
    app.put(
      '/messaging/settings',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Change the brand and send rules',
          body: MessagingSettings,
          response: { 200: MessagingSettings },
        },
      },
      async (request) => flow.messaging.saveSettings(request.ctx, request.body),
    );
    app.get(
      '/messaging/templates',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'Templates in every format and locale (edited variants and built-in defaults)',
          querystring: z.object({ key: z.string().max(60).optional() }),
          response: { 200: z.object({ items: z.array(Template) }) },
        },
      },
      async (request) => ({ items: await flow.messaging.listTemplates(request.ctx, request.query.key) }),
    );
    app.put(
      '/messaging/templates',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Save a template variant (key, format, locale, stage)',
          body: TemplateInput,
          response: { 200: Template },
        },
      },
      async (request) => flow.messaging.saveTemplate(request.ctx, request.body),
    );
    app.post(
      '/messaging/templates/preview',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary:
            'Render a template in every format (or the unsaved content) with sample values; a variable without a value is refused',
          body: PreviewInput,
          response: { 200: z.object({ items: z.array(Rendered) }) },
        },
      },
      async (request) => ({ items: await flow.messaging.preview(request.ctx, request.body) }),
    );
    app.post(
      '/messaging/suppressions',
      {
        config: { policy: WRITE },
        schema: {
          tags,
          summary: 'Suppress an address everywhere (a bounce, a complaint, by hand)',
          body: z.object({
            address: z.string().min(3).max(320),
            reason: z.enum(['bounce', 'complaint', 'manual']),
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await flow.messaging.suppress(request.ctx, request.body.address, request.body.reason);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/customers/:id/messages',
      {
        config: { policy: secretKeys('customers:read', 'unbound') },
        schema: {
          tags,
          summary: "A customer's messages (sent, held, refused with the reason) and journey runs",
          params: z.object({ id: z.string().max(100) }),
          response: { 200: z.object({ messages: z.array(SendView), runs: z.array(RunView) }) },
        },
      },
      async (request) => flow.customerMessages(request.ctx, request.params.id),
    );
  };
