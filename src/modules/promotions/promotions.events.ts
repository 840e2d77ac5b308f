// Events the promotions module emits, each with the schema of its payload; subject is the campaign
// id (campaign and code events) or the order id (redemptions).
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';
import { Campaign, ProductCollection } from './promotions.types.js';

export const PROMOTION_EVENTS = {
  campaignCreated: 'promotion.campaign_created',
  campaignUpdated: 'promotion.campaign_updated',
  campaignStarted: 'promotion.campaign_started',
  campaignEnded: 'promotion.campaign_ended',
  collectionSaved: 'promotion.collection_saved',
  codesGenerated: 'promotion.codes_generated',
  usesReserved: 'promotion.uses_reserved',
  usesReleased: 'promotion.uses_released',
} as const;

/** A campaign as its events carry it: times as ISO strings (the stored JSON). */
const CampaignPayload = Campaign.extend({
  startsAt: EventTime.nullable(),
  endsAt: EventTime.nullable(),
  createdAt: EventTime,
  updatedAt: EventTime,
});

const Uses = z.array(z.object({ campaignId: z.string(), code: z.string().nullable() }));

export const PROMOTION_EVENT_SCHEMAS = defineEvents({
  [PROMOTION_EVENTS.campaignCreated]: z.object({ campaign: CampaignPayload }),
  [PROMOTION_EVENTS.campaignUpdated]: z.object({ campaign: CampaignPayload }),
  [PROMOTION_EVENTS.campaignStarted]: z
    .object({ campaign: CampaignPayload })
    .describe("a scheduled campaign's start time came (announced once, by whichever node claims it)"),
  [PROMOTION_EVENTS.campaignEnded]: z
    .object({ campaign: CampaignPayload })
    .describe("a scheduled campaign's end time came"),
  [PROMOTION_EVENTS.collectionSaved]: z.object({
    collection: ProductCollection.extend({ createdAt: EventTime, updatedAt: EventTime }),
  }),
  [PROMOTION_EVENTS.codesGenerated]: z.object({
    campaignId: z.string(),
    batchId: z.string().nullable(),
    count: z.number().int(),
  }),
  [PROMOTION_EVENTS.usesReserved]: z.object({
    orderId: z.string(),
    source: z.enum(['checkout', 'marketplace']),
    uses: Uses,
  }),
  [PROMOTION_EVENTS.usesReleased]: z.object({ orderId: z.string(), uses: Uses }),
});

export type PromotionEventType = keyof typeof PROMOTION_EVENT_SCHEMAS;
export type PromotionEventPayload<T extends PromotionEventType> = EventPayload<
  typeof PROMOTION_EVENT_SCHEMAS,
  T
>;

// A counter of committed campaign changes per database: the in-memory campaign index is rebuilt
// at once after a change through this process, and within its TTL after another node's.
const committedChanges = new WeakMap<object, number>();

export const promotionsVersion = (ctx: Ctx): number => committedChanges.get(ctx.database) ?? 0;

export function countCampaignChange(ctx: Ctx): void {
  ctx.afterCommit(() => bumpPromotionsVersion(ctx.database));
}

/** Another node changed a campaign (seen in the event log): rebuild this process's index now. */
export function bumpPromotionsVersion(database: object): void {
  committedChanges.set(database, (committedChanges.get(database) ?? 0) + 1);
}
