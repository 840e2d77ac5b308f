// Messaging's rules: the brand and send rules, templates with their variants and previews, the send
// log (queue, lease, outcome), suppressions and signed one-click unsubscribe tokens.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId, notFound, validationError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import { defaultTemplate, SAMPLE_VARIABLES, TEMPLATE_VARIABLES } from './default-templates.js';
import * as repo from './messaging.repository.js';
import {
  MESSAGE_FORMATS,
  MESSAGE_LOCALES,
  type MessageFormat,
  type MessageLocale,
  type MessagingSettings,
  type Rendered,
  type Template,
  type TemplateContent,
  type TemplateInput,
} from './messaging.types.js';
import { createPushService, type PushService } from './push.service.js';
import { checkVariables, renderMessage } from './render.js';

export const DEFAULT_SETTINGS: MessagingSettings = {
  brand: {
    name: 'Omnihub',
    primaryColour: '#1f6f5c',
    textColour: '#222222',
    backgroundColour: '#ffffff',
    logoUrl: null,
    tone: 'friendly',
    signature: 'Omnihub',
  },
  rules: {
    quietHours: { start: 21, end: 8 },
    defaultTimeZone: 'Europe/Amsterdam',
    capPerDay: { email: 2, sms: 1, whatsapp: 1, push: 3, banner: 100, receipt: 100 },
  },
};

export interface PreviewInput {
  key: string;
  locale: MessageLocale;
  stage?: string | undefined;
  /** Unsaved content to preview (the editor's); else the stored or built-in variant. */
  content?: (TemplateContent & { format: MessageFormat }) | undefined;
  values?: Record<string, string> | undefined;
}

export interface MessagingService extends PushService {
  /** The brand and send rules (the defaults until saved). */
  settings(ctx: Ctx): Promise<MessagingSettings>;
  saveSettings(ctx: Ctx, input: MessagingSettings): Promise<MessagingSettings>;
  /** Every variant of a key (or of all keys) in every format and locale: stored ones and built-ins. */
  listTemplates(ctx: Ctx, key?: string): Promise<Template[]>;
  /** Saves a variant; a variable the key does not have is refused (400 naming the field). */
  saveTemplate(ctx: Ctx, input: TemplateInput): Promise<Template>;
  /** Renders a key in every format (or the content's); a variable without a value is a 400. */
  preview(ctx: Ctx, input: PreviewInput): Promise<Rendered[]>;
  /** Renders for sending: the variant for the locale and stage, falling back to '*' then English. */
  render(
    ctx: Ctx,
    q: { key: string; format: MessageFormat; locale: string; stage: string; values: Record<string, string> },
  ): Promise<Rendered>;
  queueSend(ctx: Ctx, input: Omit<repo.SendInsert, 'id' | 'now'>): Promise<boolean>;
  claimDueSends(ctx: Ctx, limit: number): Promise<repo.Send[]>;
  finishSend(ctx: Ctx, id: string, outcome: Parameters<typeof repo.updateSend>[2]): Promise<void>;
  cancelSendsOfRun(ctx: Ctx, runId: string, reason: string): Promise<number>;
  sendsOf(ctx: Ctx, customerIds: string[], limit?: number): Promise<repo.Send[]>;
  sentSince(
    ctx: Ctx,
    customerId: string,
    format: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }>;
  /** Adds an address to the global suppression list (bounce, complaint, unsubscribe, manual). */
  suppress(ctx: Ctx, address: string, reason: string): Promise<void>;
  /** Why an address is suppressed, or null. */
  suppressionOf(ctx: Ctx, address: string): Promise<string | null>;
  /** A signed token naming a customer and purpose, for one-click unsubscribe links (RFC 8058). */
  unsubscribeToken(ctx: Ctx, customerId: string, purpose: string): Promise<string>;
  /** The customer and purpose of a genuine token, else null. */
  readUnsubscribeToken(ctx: Ctx, token: string): Promise<{ customerId: string; purpose: string } | null>;
}

const addressHash = (a: string) => createHash('sha256').update(a.trim().toLowerCase()).digest('hex');
// 128 bits of HMAC-SHA256 over customer and purpose: short enough for a path segment (Fastify's 100).
const linkMac = (secret: string, customerId: string, purpose: string) =>
  createHmac('sha256', secret).update(`${customerId}\n${purpose}`).digest('base64url').slice(0, 22);

export function createMessagingService(deps: { secrets?: SecretBox | undefined } = {}): MessagingService {
  async function settingsRow(ctx: Ctx) {
    const row = await repo.selectSettings(ctx.db);
    if (row) return row;
    return repo.upsertSettings(ctx.db, {
      ...DEFAULT_SETTINGS,
      linkSecret: randomBytes(32).toString('hex'),
      now: ctx.clock.now(),
    });
  }
  async function settings(ctx: Ctx): Promise<MessagingSettings> {
    const row = await repo.selectSettings(ctx.db);
    if (!row) return DEFAULT_SETTINGS;
    return { brand: row.brand as MessagingSettings['brand'], rules: row.rules as MessagingSettings['rules'] };
  }
  const variablesOfKey = (key: string) => {
    const v = TEMPLATE_VARIABLES[key];
    if (!v) throw notFound('template', key);
    return v;
  };
  async function content(ctx: Ctx, key: string, format: MessageFormat, locale: string, stage: string) {
    const loc = (MESSAGE_LOCALES as readonly string[]).includes(locale) ? (locale as MessageLocale) : 'en';
    const stored = await repo.selectVariants(ctx.db, key, format, [loc, 'en']);
    const pick =
      stored.find((t) => t.locale === loc && t.stage === stage) ??
      stored.find((t) => t.locale === loc && t.stage === '*');
    return {
      locale: loc,
      content: pick ?? defaultTemplate(key, format, loc) ?? defaultTemplate(key, format, 'en'),
    };
  }
  const whatsappName = (key: string, locale: string) => ({ name: key, language: locale });

  return {
    ...createPushService(deps),
    settings,
    async saveSettings(ctx, input) {
      const row = await settingsRow(ctx);
      await repo.upsertSettings(ctx.db, { ...input, linkSecret: row.link_secret, now: ctx.clock.now() });
      return input;
    },
    async listTemplates(ctx, key) {
      const stored = await repo.selectTemplates(ctx.db, key);
      const keys = key ? [key] : Object.keys(TEMPLATE_VARIABLES);
      if (key) variablesOfKey(key);
      const out: Template[] = [...stored];
      for (const k of keys)
        for (const format of MESSAGE_FORMATS)
          for (const locale of MESSAGE_LOCALES) {
            if (
              stored.some((t) => t.key === k && t.format === format && t.locale === locale && t.stage === '*')
            )
              continue;
            const d = defaultTemplate(k, format, locale);
            if (d) out.push({ id: null, key: k, format, locale, stage: '*', ...d, updatedAt: null });
          }
      return out;
    },
    async saveTemplate(ctx, input) {
      checkVariables(input, variablesOfKey(input.key));
      return repo.upsertTemplate(ctx.db, newId('tpl'), input, ctx.clock.now());
    },
    async preview(ctx, input) {
      const allowed = variablesOfKey(input.key);
      const values = { ...SAMPLE_VARIABLES, ...input.values };
      const { brand } = await settings(ctx);
      const formats = input.content ? [input.content.format] : MESSAGE_FORMATS;
      const out: Rendered[] = [];
      for (const format of formats) {
        const c =
          input.content ?? (await content(ctx, input.key, format, input.locale, input.stage ?? '*')).content;
        if (!c) continue;
        checkVariables(c, allowed, values);
        out.push(await renderMessage(format, c, brand, values, whatsappName(input.key, input.locale)));
      }
      return out;
    },
    async render(ctx, q) {
      const { locale, content: c } = await content(ctx, q.key, q.format, q.locale, q.stage);
      if (!c) throw validationError([{ path: 'key', message: `no template ${q.key} for ${q.format}` }]);
      const { brand } = await settings(ctx);
      return renderMessage(q.format, c, brand, q.values, whatsappName(q.key, locale));
    },
    queueSend: (ctx, input) => repo.insertSend(ctx.db, { ...input, id: newId('msg'), now: ctx.clock.now() }),
    claimDueSends: (ctx, limit) => {
      const now = ctx.clock.now();
      // 30 s is far longer than one send takes; a node that dies mid-send leaves it to another after that.
      return repo.claimDueSends(ctx.db, { now, leaseUntil: new Date(now.getTime() + 30_000), limit });
    },
    finishSend: (ctx, id, outcome) => repo.updateSend(ctx.db, id, outcome),
    cancelSendsOfRun: (ctx, runId, reason) => repo.cancelQueuedOfRun(ctx.db, runId, reason),
    sendsOf: (ctx, ids, limit = 50) => repo.selectSendsOfCustomers(ctx.db, ids, limit),
    sentSince: (ctx, customerId, format, since) => repo.countSentSince(ctx.db, customerId, format, since),
    suppress: (ctx, address, reason) =>
      repo.insertSuppression(ctx.db, addressHash(address), reason, ctx.clock.now()),
    async suppressionOf(ctx, address) {
      return (await repo.selectSuppression(ctx.db, addressHash(address)))?.reason ?? null;
    },
    async unsubscribeToken(ctx, customerId, purpose) {
      const secret = (await settingsRow(ctx)).link_secret;
      return `${customerId}.${purpose}.${linkMac(secret, customerId, purpose)}`;
    },
    async readUnsubscribeToken(ctx, token) {
      const [customerId, purpose, mac] = token.split('.');
      if (!customerId || !purpose || !mac) return null;
      const secret = (await settingsRow(ctx)).link_secret;
      const want = Buffer.from(linkMac(secret, customerId, purpose));
      const got = Buffer.from(mac);
      if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
      return { customerId, purpose };
    },
  };
}
