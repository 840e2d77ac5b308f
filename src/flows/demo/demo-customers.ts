// The demo retailer's customers, with cross-channel histories sent through the same ingestion path
// as Segment events: an app user who also shops in the store and on the marketplace, a store
// walk-in who later orders online, a marketplace buyer, and an anonymous visitor. Idempotent: fixed
// message ids, so loading twice stores nothing new.
import type { Channel } from '../../modules/channels/index.js';
import type { CustomersService, IngestEventInput, IngestSource } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';

type Step = { channel: string; daysAgo: number } & Partial<IngestEventInput> & {
    anon?: string;
    user?: string;
    ids?: Array<{ type: string; value: string; trust?: 'verified' | 'claimed' }>;
  };

const STEPS: Step[] = [
  // Emma: browses the app anonymously, signs in, buys in the store with her loyalty card, and again on the marketplace.
  { channel: 'app', daysAgo: 40, kind: 'screen', name: 'Home', anon: 'emma-phone' },
  {
    channel: 'app',
    daysAgo: 40,
    kind: 'track',
    name: 'Product Viewed',
    anon: 'emma-phone',
    properties: { sku: 'FF-JACKET-M' },
  },
  {
    channel: 'app',
    daysAgo: 39,
    kind: 'identify',
    user: 'app-emma',
    anon: 'emma-phone',
    traits: { email: 'emma.lind@example.com', name: 'Emma Lind', phone: '+46 70 555 01 23' },
    consent: { Marketing: true, Analytics: true },
  },
  {
    channel: 'store-amsterdam',
    daysAgo: 30,
    kind: 'track',
    name: 'Order Completed',
    anon: 'till-ams-1',
    ids: [
      { type: 'loyalty_card', value: 'FF-100-2001', trust: 'verified' },
      { type: 'email', value: 'emma.lind@example.com' },
    ],
    properties: { total: 129.95, currency: 'EUR' },
  },
  {
    channel: 'marketplace',
    daysAgo: 12,
    kind: 'track',
    name: 'Order Completed',
    ids: [
      { type: 'marketplace_buyer', value: 'BOL-88231' },
      { type: 'email', value: 'emma.lind@example.com' },
    ],
    properties: { total: 59.5, currency: 'EUR' },
  },
  {
    channel: 'webshop',
    daysAgo: 2,
    kind: 'track',
    name: 'Product Added',
    user: 'app-emma',
    properties: { sku: 'FF-BOOTS-39' },
  },
  // Lars: a walk-in at the Stockholm store, recognised online later by his phone number.
  {
    channel: 'store-stockholm',
    daysAgo: 20,
    kind: 'identify',
    anon: 'till-sto-2',
    ids: [{ type: 'loyalty_card', value: 'FF-100-3044', trust: 'verified' }],
    traits: { phone: '+46 73 222 98 76', name: 'Lars Berg' },
  },
  {
    channel: 'store-stockholm',
    daysAgo: 20,
    kind: 'track',
    name: 'Order Completed',
    anon: 'till-sto-2',
    ids: [{ type: 'loyalty_card', value: 'FF-100-3044', trust: 'verified' }],
    properties: { total: 899, currency: 'SEK' },
  },
  { channel: 'webshop', daysAgo: 5, kind: 'page', name: 'Outdoor', anon: 'lars-laptop' },
  {
    channel: 'webshop',
    daysAgo: 5,
    kind: 'identify',
    user: 'web-lars',
    anon: 'lars-laptop',
    traits: { phone: '+46 73 222 98 76', email: 'lars.berg@example.com' },
  },
  // Sofia: buys on the marketplace and through the Instagram shop.
  {
    channel: 'marketplace',
    daysAgo: 60,
    kind: 'track',
    name: 'Order Completed',
    ids: [
      { type: 'marketplace_buyer', value: 'BOL-10477' },
      { type: 'email', value: 'sofia.garcia@example.com' },
    ],
    traits: { name: 'Sofia García' },
    properties: { total: 35, currency: 'EUR' },
  },
  {
    channel: 'social-shop',
    daysAgo: 8,
    kind: 'track',
    name: 'Order Completed',
    ids: [
      { type: 'instagram_user', value: 'sofia.g' },
      { type: 'email', value: 'sofia.garcia@example.com' },
    ],
    properties: { total: 42, currency: 'EUR' },
  },
  // An anonymous webshop visitor.
  { channel: 'webshop', daysAgo: 1, kind: 'page', name: 'Sale', anon: 'visitor-7' },
  {
    channel: 'webshop',
    daysAgo: 1,
    kind: 'track',
    name: 'Product Viewed',
    anon: 'visitor-7',
    properties: { sku: 'FF-SCARF' },
  },
];

export async function loadDemoCustomers(
  ctx: Ctx,
  customers: CustomersService,
  channels: Record<string, Channel>,
): Promise<number> {
  const sources = new Map<string, IngestSource>();
  const existing = await customers.listSources(ctx);
  for (const [code, channel] of Object.entries(channels)) {
    const found = existing.find((s) => s.channelId === channel.id && s.name === 'demo' && !s.revokedAt);
    const src =
      found ??
      (await customers.createSource(ctx, {
        channelId: channel.id,
        name: 'demo',
        sharedDevices: channel.type === 'store',
      }));
    sources.set(code, { id: src.id, channelId: channel.id, sharedDevices: src.sharedDevices });
  }
  const now = ctx.clock.now().getTime();
  let stored = 0;
  for (const [i, s] of STEPS.entries()) {
    const source = sources.get(s.channel);
    if (!source) continue;
    const identifiers = [
      ...(s.user ? [{ type: 'user_id', value: s.user, trust: 'verified' as const }] : []),
      ...(s.anon ? [{ type: 'anonymous_id', value: s.anon, trust: 'verified' as const }] : []),
      ...(s.ids ?? []),
    ];
    const [r] = await customers.ingest(ctx, source, [
      {
        messageId: `demo-customer-${i}`,
        kind: s.kind ?? 'track',
        name: s.name ?? null,
        identifiers,
        traits: s.traits ?? {},
        properties: s.properties ?? s.traits ?? {},
        context: {},
        consent: s.consent,
        occurredAt: new Date(now - s.daysAgo * 86_400_000),
        anonymousId: s.anon ?? null,
        userId: s.user ?? null,
      },
    ]);
    if (r?.status === 'stored') stored++;
  }
  return stored;
}
