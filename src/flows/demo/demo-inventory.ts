// The demo retailer's stock: a warehouse and two stores (Amsterdam, Stockholm) with coordinates,
// which locations feed each demo channel (the marketplace keeps a safety buffer of 2), and stock for
// any list of SKUs (the catalog demo passes its SKUs to seedDemoStock).
import type { Channel } from '../../modules/channels/index.js';
import type { InventoryService, Location, LocationInput } from '../../modules/inventory/index.js';
import type { Ctx } from '../../platform/context.js';

export const DEMO_LOCATIONS: LocationInput[] = [
  {
    code: 'warehouse-utrecht',
    name: 'Fjord & Field warehouse',
    type: 'warehouse',
    address: { line1: 'Cartesiusweg 90', postalCode: '3534 BD', city: 'Utrecht', country: 'NL' },
    latitude: 52.0988,
    longitude: 5.0898,
  },
  {
    code: 'store-amsterdam',
    name: 'Fjord & Field Amsterdam',
    type: 'store',
    address: { line1: 'Haarlemmerstraat 52', postalCode: '1013 ES', city: 'Amsterdam', country: 'NL' },
    latitude: 52.3802,
    longitude: 4.8899,
  },
  {
    code: 'store-stockholm',
    name: 'Fjord & Field Stockholm',
    type: 'store',
    address: { line1: 'Götgatan 31', postalCode: '116 21', city: 'Stockholm', country: 'SE' },
    latitude: 59.3155,
    longitude: 18.0717,
  },
];

/** Channel code → the location codes that feed it (in fill order) and its safety buffer. */
export const DEMO_SOURCING: Record<string, { locations: string[]; safetyBuffer: number }> = {
  webshop: { locations: ['warehouse-utrecht', 'store-amsterdam', 'store-stockholm'], safetyBuffer: 0 },
  app: { locations: ['warehouse-utrecht', 'store-amsterdam', 'store-stockholm'], safetyBuffer: 0 },
  'store-amsterdam': { locations: ['store-amsterdam'], safetyBuffer: 0 },
  'store-stockholm': { locations: ['store-stockholm'], safetyBuffer: 0 },
  marketplace: { locations: ['warehouse-utrecht'], safetyBuffer: 2 },
  'social-shop': { locations: ['warehouse-utrecht'], safetyBuffer: 0 },
};

export async function loadDemoInventory(
  ctx: Ctx,
  inventory: InventoryService,
  channels: Record<string, Channel>,
): Promise<Record<string, Location>> {
  const locations: Record<string, Location> = {};
  for (const input of DEMO_LOCATIONS) {
    locations[input.code] =
      (await inventory.findLocation(ctx, input.code)) ?? (await inventory.createLocation(ctx, input));
  }
  for (const [channelCode, s] of Object.entries(DEMO_SOURCING)) {
    const channel = channels[channelCode];
    if (!channel) continue;
    await inventory.setSourcing(ctx, channel.id, {
      locationIds: s.locations.map((code) => locations[code]!.id),
      safetyBuffer: s.safetyBuffer,
    });
  }
  return locations;
}

/**
 * Seeds on-hand stock for SKUs at the demo locations in one transaction. Quantities are derived
 * from the SKU so reloads give the same picture; every 11th SKU is sold out in the stores and
 * every 17th has only one unit left in the warehouse (so the marketplace buffer shows).
 */
export async function seedDemoStock(ctx: Ctx, inventory: InventoryService, skus: string[]): Promise<number> {
  const entries = skus.flatMap((sku, i) => {
    const h = hash(sku);
    const warehouse = i % 17 === 16 ? 1 : 20 + (h % 180);
    const stores = i % 11 === 10 ? 0 : 2 + (h % 13);
    return [
      { sku, locationCode: 'warehouse-utrecht', quantity: warehouse, reason: 'demo data' },
      { sku, locationCode: 'store-amsterdam', quantity: stores, reason: 'demo data' },
      { sku, locationCode: 'store-stockholm', quantity: Math.max(stores - 1, 0), reason: 'demo data' },
    ];
  });
  await inventory.setOnHandMany(ctx, entries);
  return entries.length;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
