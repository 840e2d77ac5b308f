// Messaging's shapes: formats, locales, brand, send-time rules, templates (Zod: validation, types and
// OpenAPI from one declaration).
import { z } from 'zod';

export const MESSAGE_FORMATS = ['email', 'sms', 'whatsapp', 'push', 'banner', 'receipt'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
export const MESSAGE_LOCALES = ['en', 'es', 'sv', 'bg', 'nl'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];
/** The journey stages of the customers module, and '*' for a variant every stage gets. */
export const TEMPLATE_STAGES = [
  '*',
  'visitor',
  'engaged',
  'cart_abandoner',
  'first_buyer',
  'repeat',
  'loyal',
  'at_risk',
  'lapsed',
] as const;

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
export const Brand = z.object({
  name: z.string().min(1).max(80),
  primaryColour: Colour,
  textColour: Colour,
  backgroundColour: Colour,
  logoUrl: z.url().max(500).nullable(),
  tone: z.enum(['friendly', 'formal']),
  signature: z.string().max(200),
});
export type Brand = z.infer<typeof Brand>;

const Hour = z.number().int().min(0).max(23);
export const SendRules = z.object({
  /** No message is sent between these local hours of the customer (start > end spans midnight). */
  quietHours: z.object({ start: Hour, end: Hour }).nullable(),
  /** The customer's time zone when their profile names none. */
  defaultTimeZone: z.string().max(64),
  /** At most this many messages per customer per channel format in 24 hours. */
  capPerDay: z.record(z.enum(MESSAGE_FORMATS), z.number().int().min(0).max(100)),
});
export type SendRules = z.infer<typeof SendRules>;

export const MessagingSettings = z.object({ brand: Brand, rules: SendRules });
export type MessagingSettings = z.infer<typeof MessagingSettings>;

export const TemplateInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'a key such as abandoned_cart'),
  format: z.enum(MESSAGE_FORMATS),
  locale: z.enum(MESSAGE_LOCALES),
  stage: z.enum(TEMPLATE_STAGES).default('*'),
  subject: z.string().max(200).default(''),
  body: z.string().min(1).max(5000),
  cta: z.string().max(80).nullable().default(null),
});
export type TemplateInput = z.infer<typeof TemplateInput>;
export type TemplateContent = Pick<TemplateInput, 'subject' | 'body' | 'cta'>;

export const Template = TemplateInput.extend({
  id: z.string().nullable().describe('null for a built-in default not yet edited'),
  updatedAt: z.date().nullable(),
});
export type Template = z.infer<typeof Template>;

/** A rendered message, per format. */
export const Rendered = z.object({
  format: z.enum(MESSAGE_FORMATS),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable().describe('email only: MJML rendered'),
  sms: z
    .object({
      encoding: z.enum(['GSM-7', 'UCS-2']),
      characters: z.number().int(),
      segments: z.number().int(),
    })
    .nullable(),
  whatsapp: z.object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) }).nullable(),
});
export type Rendered = z.infer<typeof Rendered>;
