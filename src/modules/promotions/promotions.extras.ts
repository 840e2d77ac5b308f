// Promotions beyond pricing itself: product collections campaigns are narrowed to, the schedule job
// that announces a campaign's start and end (so channels and tills follow live), and reporting.
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events/event-log.js';
import type { CollectionMembers } from './evaluate.js';
import { countCampaignChange, PROMOTION_EVENTS } from './promotions.events.js';
import * as extras from './promotions.extras.repository.js';
import * as repo from './promotions.repository.js';
import {
  type CampaignConditions,
  type CampaignReport,
  CollectionInput,
  type ProductCollection,
} from './promotions.types.js';

/** The collections by id, as the engine and the index read them. */
export async function collectionMembers(
  exec: Executor,
  ids?: readonly string[],
): Promise<Map<string, CollectionMembers>> {
  const found = await extras.selectCollections(exec, ids);
  return new Map(found.map((c) => [c.id, { skus: c.skus, categories: c.categories }]));
}

/** A campaign may only name collections that exist (400 naming the field, nothing written). */
export async function checkCollectionsExist(exec: Executor, conditions: CampaignConditions): Promise<void> {
  const ids = conditions.collectionIds ?? [];
  if (ids.length === 0) return;
  const known = await collectionMembers(exec, ids);
  const missing = ids.find((id) => !known.has(id));
  if (missing) {
    throw new AppError('validation_failed', `No collection ${missing}`, {
      issues: [
        { path: 'body.conditions.collectionIds', message: `unknown collection ${missing}`, code: 'unknown' },
      ],
    });
  }
}

export function createPromotionExtras() {
  return {
    listCollections: (ctx: Ctx) => extras.selectCollections(ctx.db),

    /** Creates a collection, or replaces one's name and members (by id): prices follow at once. */
    async saveCollection(ctx: Ctx, raw: CollectionInput, id?: string): Promise<ProductCollection> {
      const input = CollectionInput.parse(raw);
      return inTransaction(ctx, async (tx) => {
        const now = tx.clock.now();
        let createdAt = now;
        if (id) {
          const [current] = await extras.selectCollections(tx.db, [id]);
          if (!current) throw notFound('collection', id);
          createdAt = current.createdAt;
        }
        const saved = await extras.upsertCollection(tx.db, {
          id: id ?? newId('pcl'),
          ...input,
          createdAt,
          updatedAt: now,
        });
        await appendEvent(tx, {
          type: PROMOTION_EVENTS.collectionSaved,
          subject: saved.id,
          channelId: null,
          payload: { collection: saved },
        });
        countCampaignChange(tx);
        return saved;
      });
    },

    /**
     * Announces every schedule crossing since the last run: `promotion.campaign_started` and
     * `promotion.campaign_ended`, each claimed once across nodes. Pricing reads the schedule itself;
     * these events are what moves shoppers' pages, tills and other nodes' indexes live.
     */
    async announceSchedule(ctx: Ctx): Promise<number> {
      return inTransaction(ctx, async (tx) => {
        const crossed = await extras.claimScheduleCrossings(tx.db, tx.clock.now());
        for (const { campaign, crossed: what } of crossed) {
          await appendEvent(tx, {
            type: what === 'started' ? PROMOTION_EVENTS.campaignStarted : PROMOTION_EVENTS.campaignEnded,
            subject: campaign.id,
            channelId: null,
            payload: { campaign },
          });
        }
        if (crossed.length > 0) countCampaignChange(tx);
        return crossed.length;
      });
    },

    /** Orders, discount given and revenue of the orders that used the campaign, per channel. */
    async campaignReport(
      ctx: Ctx,
      campaignId: string,
      range: { from?: Date | undefined; to?: Date | undefined } = {},
    ): Promise<CampaignReport> {
      if (!(await repo.selectCampaign(ctx.db, campaignId))) throw notFound('campaign', campaignId);
      const from = range.from ?? null;
      const to = range.to ?? null;
      const channels = await extras.selectCampaignReport(ctx.db, campaignId, { from, to });
      const totals = new Map<string, CampaignReport['totals'][number]>();
      for (const c of channels) {
        const t = totals.get(c.currency) ?? { currency: c.currency, orders: 0, discount: 0, revenue: 0 };
        t.orders += c.orders;
        t.discount += c.discount;
        t.revenue += c.revenue;
        totals.set(c.currency, t);
      }
      return { campaignId, from, to, channels, totals: [...totals.values()] };
    },
  };
}
