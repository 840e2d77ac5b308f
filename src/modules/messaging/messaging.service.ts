// Messaging's rules: the brand and send rules, templates with their variants and previews, the send
// log (queue, lease, outcome), suppressions and signed one-click unsubscribe tokens.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId, notFound, validationError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { LEASE_MS } from '../../platform/events/lease-heartbeat.js';
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
import { addressHash, PINNED_ADDRESS_VAR } from './send-rules.js';

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
  /**
   * A renderer for one batch of sends: each template variant and the brand are read once for all
   * its messages (a template saved meanwhile is used from the next batch on).
   */
  renderer(
    ctx: Ctx,
  ): (q: {
    key: string;
    format: MessageFormat;
    locale: string;
    stage: string;
    values: Record<string, string>;
  }) => Promise<Rendered>;
  /** Queues sends in one write; a repeat of an idempotency key is a no-op. Returns the keys written. */
  queueSends(ctx: Ctx, inputs: Array<Omit<repo.SendInsert, 'id' | 'now'>>): Promise<Set<string>>;
  /** Leases due sends to `owner` for LEASE_MS (its heartbeat renews them; another node takes others). */
  claimDueSends(ctx: Ctx, limit: number, owner: string): Promise<repo.Send[]>;
  /** Extends `owner`'s leases on sends it is still sending. */
  renewSendLeases(ctx: Ctx, ids: string[], owner: string): Promise<void>;
  /** Records outcomes of leased sends in one write, only those `owner` still holds; returns the ids written. */
  finishSends(ctx: Ctx, outcomes: repo.SendOutcome[], owner: string): Promise<Set<string>>;
  /** Cancels the queued sends of ended runs, each with its reason. */
  cancelSendsOfRuns(ctx: Ctx, list: Array<{ runId: string; reason: string }>): Promise<number>;
  sendsOf(ctx: Ctx, customerIds: string[], limit?: number): Promise<repo.Send[]>;
  /**
   * A provider's delivery report on a sent message, found by the provider's message id: forward
   * only; false (nothing written) for an unknown id or a report that would go back.
   */
  recordDeliveryStatus(
    ctx: Ctx,
    report: { providerMessageId: string; status: repo.DeliveryStatus; reason: string | null },
  ): Promise<boolean>;
  sentSince(
    ctx: Ctx,
    customerId: string,
    format: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }>;
  /** Adds an address to the global suppression list (bounce, complaint, unsubscribe, manual). */
  suppress(ctx: Ctx, address: string, reason: string): Promise<void>;
  /** Why each suppressed address among these is (one read); an address not listed is not suppressed. */
  suppressionsOf(ctx: Ctx, addresses: string[]): Promise<Map<string, string>>;
  /** A signed token naming a customer and purpose, for one-click unsubscribe links (RFC 8058). */
  unsubscribeToken(ctx: Ctx, customerId: string, purpose: string): Promise<string>;
  /** The customer and purpose of a genuine token, else null. */
  readUnsubscribeToken(ctx: Ctx, token: string): Promise<{ customerId: string; purpose: string } | null>;
  /** A signed token for a link of `kind` (a double opt-in confirmation): its fields, dot-joined, and their HMAC. */
  linkToken(ctx: Ctx, kind: string, fields: string[]): Promise<string>;
  /** The fields of a genuine token of `kind` with `count` fields, else null (forged, altered, another kind). */
  readLinkToken(ctx: Ctx, kind: string, token: string, count: number): Promise<string[] | null>;
}

// 128 bits of HMAC-SHA256 over customer and purpose: short enough for a path segment (Fastify's 100).
const linkMac = (secret: string, customerId: string, purpose: string) =>
  createHmac('sha256', secret).update(`${customerId}\n${purpose}`).digest('base64url').slice(0, 22);

// The kind leads the signed text, so no token of one kind (or an unsubscribe token) passes as another.
const kindMac = (secret: string, kind: string, fields: string[]) =>
  createHmac('sha256', secret)
    .update(`${kind}\n${fields.join('\n')}`)
    .digest('base64url')
    .slice(0, 22);
const sameMac = (want: string, got: string) => {
  const a = Buffer.from(want);
  const b = Buffer.from(got);
  return a.length === b.length && timingSafeEqual(a, b);
};

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
    renderer(ctx) {
      const contents = new Map<string, ReturnType<typeof content>>();
      let brand: Promise<MessagingSettings> | undefined;
      return async (q) => {
        const k = `${q.key}|${q.format}|${q.locale}|${q.stage}`;
        const found = contents.get(k) ?? content(ctx, q.key, q.format, q.locale, q.stage);
        contents.set(k, found);
        const { locale, content: c } = await found;
        if (!c) throw validationError([{ path: 'key', message: `no template ${q.key} for ${q.format}` }]);
        brand ??= settings(ctx);
        return renderMessage(q.format, c, (await brand).brand, q.values, whatsappName(q.key, locale));
      };
    },
    async queueSends(ctx, inputs) {
      const now = ctx.clock.now();
      return repo.insertSends(
        ctx.db,
        inputs.map((i) => ({ ...i, id: newId('msg'), now })),
      );
    },
    claimDueSends: (ctx, limit, owner) => {
      const now = ctx.clock.now();
      return repo.claimDueSends(ctx.db, {
        now,
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        limit,
        owner,
      });
    },
    renewSendLeases: (ctx, ids, owner) =>
      repo.extendSendLeases(ctx.db, ids, new Date(ctx.clock.now().getTime() + LEASE_MS), owner),
    finishSends: (ctx, outcomes, owner) => repo.updateSends(ctx.db, outcomes, owner),
    cancelSendsOfRuns: (ctx, list) => repo.cancelQueuedOfRuns(ctx.db, list),
    sendsOf: (ctx, ids, limit = 50) => repo.selectSendsOfCustomers(ctx.db, ids, limit),
    recordDeliveryStatus: (ctx, report) => repo.updateDeliveryStatus(ctx.db, report),
    sentSince: (ctx, customerId, format, since) => repo.countSentSince(ctx.db, customerId, format, since),
    suppress: (ctx, address, reason) =>
      repo.insertSuppression(ctx.db, addressHash(address), reason, ctx.clock.now()),
    async suppressionsOf(ctx, addresses) {
      const byHash = new Map(addresses.map((a) => [addressHash(a), a]));
      const found = await repo.selectSuppressions(ctx.db, [...byHash.keys()]);
      return new Map(found.map((r) => [byHash.get(r.address_hash)!, r.reason]));
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
    async linkToken(ctx, kind, fields) {
      if (fields.some((f) => !f || f.includes('.')))
        throw new Error('link token fields must be non-empty, dot-free');
      const secret = (await settingsRow(ctx)).link_secret;
      return [...fields, kindMac(secret, kind, fields)].join('.');
    },
    async readLinkToken(ctx, kind, token, count) {
      const parts = token.split('.');
      if (parts.length !== count + 1 || parts.some((p) => !p)) return null;
      const fields = parts.slice(0, count);
      const secret = (await settingsRow(ctx)).link_secret;
      return sameMac(kindMac(secret, kind, fields), parts[count]!) ? fields : null;
    },
  };
}

/** Erasure of customers: their sends forget the address hash they were pinned to. */
export function eraseSendPins(ctx: Ctx, subject: { profileIds: string[] }): Promise<number> {
  return repo.forgetPinnedAddresses(ctx.db, subject.profileIds, PINNED_ADDRESS_VAR);
}
