// Keys for the demo's web apps, so `npm start` opens the storefront and a till at once: the webshop's
// publishable key (safe in every shopper's browser) and a secret key for the Amsterdam till, with
// just the scopes a till calls. Created with the
// demo data, once; the secrets are shown at that start only (stored as hashes, like every key).
import type { Channel } from '../../modules/channels/index.js';
import { createApiKey } from '../../platform/auth/api-keys.js';
import type { Ctx } from '../../platform/context.js';

export const TILL_SCOPES = [
  'channels:read',
  'catalog:read',
  'carts:write',
  'orders:write',
  'wallet:write',
  'inventory:read',
  'events:read',
  'inbox:till',
];

export interface DemoAppKey {
  app: 'store' | 'pos';
  channelCode: string;
  secret: string;
}

export async function createDemoAppKeys(ctx: Ctx, channels: Record<string, Channel>): Promise<DemoAppKey[]> {
  const wanted = [
    { app: 'store' as const, channelCode: 'webshop', kind: 'publishable' as const, scopes: [] },
    { app: 'pos' as const, channelCode: 'store-amsterdam', kind: 'secret' as const, scopes: TILL_SCOPES },
  ];
  const keys: DemoAppKey[] = [];
  for (const w of wanted) {
    const channel = channels[w.channelCode];
    if (!channel) continue;
    const { secret } = await createApiKey(ctx, {
      name: `demo ${w.app === 'store' ? 'storefront' : 'till'}: ${channel.name}`,
      kind: w.kind,
      scopes: w.scopes,
      channelId: channel.id,
    });
    keys.push({ app: w.app, channelCode: w.channelCode, secret });
  }
  return keys;
}
