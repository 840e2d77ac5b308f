// Which queued items a batch of committed events makes dirty: a stock change for every connection
// of every channel whose available-to-sell moved (all channels sourcing from the location), a price
// change for the channel or every channel on the price list, listing and title changes for the
// channels that list the product, whole-channel resyncs when sourcing or the price list changes, and
// sale prices again when a campaign changes.
import { pushTo } from '../../kernel/index.js';
import { CATALOG_EVENT_SCHEMAS, CATALOG_EVENTS, channelViewScope } from '../../modules/catalog/index.js';
import type { ConnectionWithCredentials, DirtyItem, SyncKind } from '../../modules/channel-sync/index.js';
import { CHANNEL_EVENT_SCHEMAS, CHANNEL_EVENTS } from '../../modules/channels/index.js';
import { INVENTORY_EVENT_SCHEMAS, INVENTORY_EVENTS } from '../../modules/inventory/index.js';
import { PROMOTION_EVENTS } from '../../modules/promotions/index.js';
import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { payloadOf } from '../../platform/events/event-schemas.js';
import type { ChannelSyncFlowDeps } from './channel-sync.deps.js';

export const CHANNEL_SYNC_EVENT_TYPES = [
  INVENTORY_EVENTS.stockChanged,
  INVENTORY_EVENTS.sourcingChanged,
  CATALOG_EVENTS.priceChanged,
  CATALOG_EVENTS.listingChanged,
  CATALOG_EVENTS.productUpdated,
  CATALOG_EVENTS.variantUpdated,
  CHANNEL_EVENTS.updated,
  PROMOTION_EVENTS.campaignCreated,
  PROMOTION_EVENTS.campaignUpdated,
  PROMOTION_EVENTS.campaignStarted,
  PROMOTION_EVENTS.campaignEnded,
  PROMOTION_EVENTS.collectionSaved,
];

interface CampaignShape {
  kind: string;
  conditions: { channelIds?: string[]; skus?: string[] };
  benefit: { type: string; items?: Array<{ sku: string }> };
}

/**
 * A campaign change moves sale prices: its SKUs' prices go out again on the channels it names (or
 * every watched channel); a campaign over categories, collections or everything resyncs the prices
 * of those channels. Coupon campaigns and free shipping change no shelf price.
 */
function planCampaignChange(plan: DirtyPlan, e: StoredEvent, watched: Set<string>) {
  // An edit may have moved the campaign off channels or SKUs (the event carries only the new
  // rules), and a collection's members changed: every watched channel's prices go out again.
  if (e.type === PROMOTION_EVENTS.collectionSaved || e.type === PROMOTION_EVENTS.campaignUpdated) {
    for (const channelId of watched) plan.resync.push({ channelId, kinds: ['price'] });
    return;
  }
  const c = (e.payload as { campaign?: CampaignShape }).campaign;
  if (!c || c.kind !== 'automatic' || c.benefit.type === 'free_shipping') return;
  const channels = c.conditions.channelIds?.length
    ? c.conditions.channelIds.filter((id) => watched.has(id))
    : [...watched];
  const skus = c.conditions.skus?.length
    ? c.conditions.skus
    : c.benefit.type === 'bundle' && !Object.keys(c.conditions).length
      ? (c.benefit.items ?? []).map((i) => i.sku)
      : null;
  for (const channelId of channels) {
    if (skus) for (const sku of skus) plan.items.push({ channelId, kind: 'price', sku });
    else plan.resync.push({ channelId, kinds: ['price'] });
  }
}

/** Per channel, the SKUs and kinds an event batch touches, plus channels to resync whole. */
export interface DirtyPlan {
  items: Array<{ channelId: string; kind: SyncKind; sku: string; value?: unknown }>;
  resync: Array<{ channelId: string; kinds: SyncKind[] }>;
}

export async function planDirtyItems(
  deps: ChannelSyncFlowDeps,
  ctx: Ctx,
  events: StoredEvent[],
  /** Channels that have connections: other channels' changes cost no look-ups. */
  watched: Set<string>,
): Promise<DirtyPlan> {
  const plan: DirtyPlan = { items: [], resync: [] };
  let channelsByPriceList: Map<string, string[]> | undefined;
  const priceListChannels = async (priceListId: string) => {
    if (!channelsByPriceList) {
      channelsByPriceList = new Map();
      for (const c of await deps.channels.listChannels(ctx)) {
        if (!c.priceListId) continue;
        pushTo(channelsByPriceList, c.priceListId, c.id);
      }
    }
    return channelsByPriceList.get(priceListId) ?? [];
  };
  // Listing and product changes are resolved to SKUs after the loop: one look-up per channel.
  const listed = new Map<string, Set<string>>(); // channel → products whose listing changed
  const updated = new Set<string>(); // products whose title etc. changed (channels listing them)

  for (const e of events) {
    switch (e.type) {
      case INVENTORY_EVENTS.stockChanged: {
        const s = payloadOf(INVENTORY_EVENT_SCHEMAS[INVENTORY_EVENTS.stockChanged], e);
        for (const c of s.channels)
          if (watched.has(c.channelId))
            plan.items.push({
              channelId: c.channelId,
              kind: 'stock',
              sku: s.sku,
              value: { availableToSell: Math.max(0, c.availableToSell) },
            });
        break;
      }
      case INVENTORY_EVENTS.sourcingChanged:
        if (e.channelId && watched.has(e.channelId))
          plan.resync.push({ channelId: e.channelId, kinds: ['stock'] });
        break;
      case CATALOG_EVENTS.priceChanged: {
        const s = payloadOf(CATALOG_EVENT_SCHEMAS[CATALOG_EVENTS.priceChanged], e);
        const all = s.channelId ? [s.channelId] : s.priceListId ? await priceListChannels(s.priceListId) : [];
        const channels = all.filter((c) => watched.has(c));
        const value = { amount: s.amount, currency: s.currency };
        for (const channelId of channels) plan.items.push({ channelId, kind: 'price', sku: s.sku, value });
        break;
      }
      case CATALOG_EVENTS.listingChanged: {
        if (!e.channelId || !watched.has(e.channelId)) break;
        const { productId } = payloadOf(CATALOG_EVENT_SCHEMAS[CATALOG_EVENTS.listingChanged], e);
        listed.set(e.channelId, (listed.get(e.channelId) ?? new Set()).add(productId));
        break;
      }
      case CATALOG_EVENTS.variantUpdated: {
        // The stock policy decides whether a shop keeps selling at zero: it goes out with the stock.
        const v = payloadOf(CATALOG_EVENT_SCHEMAS[CATALOG_EVENTS.variantUpdated], e);
        if (v.stockPolicy === undefined) break;
        const value = { stockPolicy: v.stockPolicy, availableFrom: v.availableFrom ?? null };
        for (const channelId of watched) plan.items.push({ channelId, kind: 'stock', sku: v.sku, value });
        break;
      }
      case CATALOG_EVENTS.productUpdated:
        updated.add(payloadOf(CATALOG_EVENT_SCHEMAS[CATALOG_EVENTS.productUpdated], e).productId);
        break;
      case PROMOTION_EVENTS.campaignCreated:
      case PROMOTION_EVENTS.campaignUpdated:
      case PROMOTION_EVENTS.campaignStarted:
      case PROMOTION_EVENTS.campaignEnded:
      case PROMOTION_EVENTS.collectionSaved:
        planCampaignChange(plan, e, watched);
        break;
      case CHANNEL_EVENTS.updated: {
        const { changed } = payloadOf(CHANNEL_EVENT_SCHEMAS[CHANNEL_EVENTS.updated], e);
        const kinds: SyncKind[] = [];
        if (changed.includes('priceListId') || changed.includes('currency')) kinds.push('price');
        if (changed.includes('status')) kinds.push('listing');
        if (kinds.length && e.channelId && watched.has(e.channelId))
          plan.resync.push({ channelId: e.channelId, kinds });
        break;
      }
    }
  }
  const channels = updated.size ? [...watched] : [...listed.keys()];
  for (const channelId of channels) {
    const ids = [...new Set([...(listed.get(channelId) ?? []), ...updated])];
    const channel = await deps.channels.findChannel(ctx, channelId);
    if (!channel || ids.length === 0) continue;
    for (const product of await deps.catalog.channelProducts(ctx, channelViewScope(channel), ids)) {
      // A listing change always goes out (listed or not); a product change only where it is listed.
      if (!listed.get(channelId)?.has(product.id) && !product.listed) continue;
      for (const v of product.variants) {
        plan.items.push({
          channelId,
          kind: 'listing',
          sku: v.sku,
          value: { listed: product.listed, title: product.title },
        });
        // Unlisted products get no stock or price pushes, so a (re)listing brings them up to date.
        if (product.listed && listed.get(channelId)?.has(product.id))
          for (const kind of ['stock', 'price'] as const) plan.items.push({ channelId, kind, sku: v.sku });
      }
    }
  }
  return plan;
}

/** Connections grouped by the channel they push to. */
export function connectionsByChannel<C extends Pick<ConnectionWithCredentials, 'channelId'>>(
  connections: C[],
): Map<string, C[]> {
  const byChannel = new Map<string, C[]>();
  for (const c of connections) {
    const list = byChannel.get(c.channelId);
    if (list) list.push(c);
    else byChannel.set(c.channelId, [c]);
  }
  return byChannel;
}

/** The plan as queue rows for the connections of each channel (only the kinds each one pushes). */
export function dirtyItemsFor(
  connections: Array<Pick<ConnectionWithCredentials, 'id' | 'channelId' | 'push'>>,
  plan: DirtyPlan,
): DirtyItem[] {
  const byChannel = connectionsByChannel(connections);
  const out: DirtyItem[] = [];
  for (const i of plan.items)
    for (const c of byChannel.get(i.channelId) ?? [])
      if (c.push.includes(i.kind)) out.push({ connectionId: c.id, kind: i.kind, key: i.sku, value: i.value });
  return out;
}
