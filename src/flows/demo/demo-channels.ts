// The demo retailer's channels: a webshop, an app, two store tills, a marketplace and a social shop.
// Payments: the online channels take cards (`test` stands in for a card provider), the tills take
// cash (`manual`) and their own card terminal (`external`: paid on a device the hub does not talk to).

import type { Channel, ChannelInput, ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';

/** What a hub running the demo enables (unless OMNIHUB_PAYMENT_PROVIDERS says otherwise). */
export const DEMO_PAYMENT_PROVIDERS = ['manual', 'test', 'external'];

const ONLINE_PAYMENTS = ['test'];
const TILL_PAYMENTS = ['manual', 'external'];

export const DEMO_CHANNELS: ChannelInput[] = [
  {
    code: 'webshop',
    name: 'Fjord & Field webshop',
    type: 'web',
    currency: 'EUR',
    locales: ['en', 'nl', 'es', 'sv', 'bg'],
    paymentProviders: ONLINE_PAYMENTS,
  },
  {
    code: 'app',
    name: 'Fjord & Field app',
    type: 'mobile_app',
    currency: 'EUR',
    locales: ['en', 'nl', 'es', 'sv', 'bg'],
    paymentProviders: ONLINE_PAYMENTS,
  },
  {
    code: 'store-amsterdam',
    name: 'Amsterdam store till',
    type: 'store',
    currency: 'EUR',
    locales: ['nl', 'en'],
    paymentProviders: TILL_PAYMENTS,
  },
  {
    code: 'store-stockholm',
    name: 'Stockholm store till',
    type: 'store',
    currency: 'SEK',
    locales: ['sv', 'en'],
    paymentProviders: TILL_PAYMENTS,
  },
  {
    code: 'marketplace',
    name: 'Marketplace (bol-style)',
    type: 'marketplace',
    currency: 'EUR',
    locales: ['nl', 'en'],
    paymentProviders: ['external'],
  },
  {
    code: 'social-shop',
    name: 'Instagram shop',
    type: 'social',
    currency: 'EUR',
    locales: ['en'],
    paymentProviders: ONLINE_PAYMENTS,
  },
];

export async function loadDemoChannels(
  ctx: Ctx,
  channels: ChannelsService,
): Promise<Record<string, Channel>> {
  const out: Record<string, Channel> = {};
  for (const input of DEMO_CHANNELS) {
    const existing = await channels.findChannel(ctx, input.code);
    out[input.code] =
      existing ??
      (await channels.createChannel(ctx, { ...input, metadata: { demo: true, ...(input.metadata ?? {}) } }));
  }
  return out;
}
