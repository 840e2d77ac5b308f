// The demo retailer's channels: a webshop, an app, two store tills, a marketplace and a social shop.

import type { Channel, ChannelInput, ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';

export const DEMO_CHANNELS: ChannelInput[] = [
  {
    code: 'webshop',
    name: 'Fjord & Field webshop',
    type: 'web',
    currency: 'EUR',
    locales: ['en', 'nl', 'es', 'sv', 'bg'],
  },
  {
    code: 'app',
    name: 'Fjord & Field app',
    type: 'mobile_app',
    currency: 'EUR',
    locales: ['en', 'nl', 'es', 'sv', 'bg'],
  },
  {
    code: 'store-amsterdam',
    name: 'Amsterdam store till',
    type: 'store',
    currency: 'EUR',
    locales: ['nl', 'en'],
  },
  {
    code: 'store-stockholm',
    name: 'Stockholm store till',
    type: 'store',
    currency: 'SEK',
    locales: ['sv', 'en'],
  },
  {
    code: 'marketplace',
    name: 'Marketplace (bol-style)',
    type: 'marketplace',
    currency: 'EUR',
    locales: ['nl', 'en'],
  },
  { code: 'social-shop', name: 'Instagram shop', type: 'social', currency: 'EUR', locales: ['en'] },
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
