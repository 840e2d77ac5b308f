import { z } from 'zod';

export const CHANNEL_TYPES = [
  'web',
  'mobile_app',
  'store',
  'marketplace',
  'social',
  'email',
  'chat',
  'messaging',
  'phone',
  'custom',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const CHANNEL_STATUSES = ['active', 'paused', 'archived'] as const;

export const Locale = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a BCP 47 locale such as en or es-ES');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');

export const PaymentProviderNames = z
  .array(z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/, 'a payment provider name such as manual or test'))
  .max(20)
  .refine((names) => new Set(names).size === names.length, 'each provider once')
  .describe(
    'the payment providers checkout accepts on this channel (default manual); the hub must enable them too (docs/payments.md)',
  );

export const ChannelInput = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes')
    .describe('a stable, human-readable handle such as webshop or store-amsterdam'),
  name: z.string().min(1).max(200),
  type: z.enum(CHANNEL_TYPES),
  currency: Currency,
  locales: z.array(Locale).min(1).max(20).describe('the first is the default locale'),
  priceListId: z
    .string()
    .nullable()
    .default(null)
    .describe(
      'the catalog price list (id) this channel sells from; its currency must be the channel currency',
    ),
  paymentProviders: PaymentProviderNames.default(['manual']),
  status: z.enum(CHANNEL_STATUSES).default('active'),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type ChannelInput = z.input<typeof ChannelInput>;

// Built without the input's defaults: a patch that omits a field must leave it as it is.
export const ChannelPatch = z
  .strictObject({
    name: ChannelInput.shape.name,
    type: ChannelInput.shape.type,
    currency: ChannelInput.shape.currency,
    locales: ChannelInput.shape.locales,
    priceListId: z.string().nullable(),
    paymentProviders: PaymentProviderNames,
    status: z.enum(CHANNEL_STATUSES),
    metadata: z.record(z.string(), z.unknown()),
  })
  .partial();
export type ChannelPatch = z.infer<typeof ChannelPatch>;

export const Channel = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(CHANNEL_TYPES),
  currency: z.string(),
  locales: z.array(z.string()),
  priceListId: z.string().nullable(),
  paymentProviders: z.array(z.string()),
  status: z.enum(CHANNEL_STATUSES),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Channel = z.infer<typeof Channel>;
