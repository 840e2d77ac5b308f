// Promotions: campaigns and coupon codes (admin), the codes on carts, pricing a cart with the one
// engine (evaluate.ts) over an in-memory index of live automatic campaigns, and the uses a placed
// order holds against the limits (reserved atomically, given back once).
import { AppError, newId, notFound } from '../../kernel/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { buildCampaignIndex, type CampaignIndex } from './campaign-index.js';
import { campaignFromInput, patched, randomCode, refuse } from './campaign-input.js';
import { type CollectionMembers, evaluateCart, type PricingCustomer, type PricingLine } from './evaluate.js';
import { countCampaignChange, PROMOTION_EVENTS, promotionsVersion } from './promotions.events.js';
import { checkCollectionsExist, collectionMembers, createPromotionExtras } from './promotions.extras.js';
import * as repo from './promotions.repository.js';
import {
  type Campaign,
  type CampaignInput,
  type CampaignPatch,
  type CouponCode,
  type Evaluation,
  GenerateCodes,
} from './promotions.types.js';

export interface PriceCartInput {
  channelId: string;
  currency: string;
  customer: PricingCustomer | null;
  lines: PricingLine[];
  shipping: number;
  /** The coupon codes on the cart (normalized). */
  codes: string[];
  /**
   * The CDP audiences the customer is in, asked for only when a candidate campaign is conditioned on
   * one (promotions never reads the CDP itself; the pricing flow passes this in).
   */
  customerAudiences?: () => Promise<readonly string[]>;
}

const wantsAudience = (campaigns: Iterable<Campaign>) => {
  for (const c of campaigns) if (c.conditions.audienceIds?.length) return true;
  return false;
};

/** The customer with their audiences filled in when some campaign asks for them. */
async function withAudiences(input: PriceCartInput, campaigns: Iterable<Campaign>) {
  const who = input.customer;
  if (!who || who.audiences || !input.customerAudiences || !wantsAudience(campaigns)) return who;
  return { ...who, audiences: await input.customerAudiences() };
}

export interface UseToReserve {
  campaignId: string;
  code: string | null;
  amount: number;
}

export interface ReserveInput {
  orderId: string;
  channelId: string;
  customerId: string | null;
  currency: string;
  /** The order's grand total (campaign reporting's revenue). */
  orderTotal?: number | undefined;
  uses: UseToReserve[];
}

// Live campaigns are read once per TTL per process (and at once after a local change).
const INDEX_TTL_MS = 5_000;

export function createPromotionsService() {
  type Live = CampaignIndex & { collections: Map<string, CollectionMembers> };
  const indexes = new WeakMap<object, ReturnType<typeof createTtlCache<string, Live>>>();

  /** The live automatic campaigns' index, with the product collections (few) kept beside it. */
  async function liveIndex(ctx: Ctx): Promise<Live> {
    let cache = indexes.get(ctx.database);
    if (!cache) {
      cache = createTtlCache<string, Live>({ ttlMs: INDEX_TTL_MS, max: 1 });
      indexes.set(ctx.database, cache);
    }
    const built = await cache.getOrLoad(
      'live',
      async () => {
        const collections = await collectionMembers(ctx.db);
        const index = buildCampaignIndex(
          await repo.selectLiveAutomatic(ctx.db, ctx.clock.now()),
          collections,
        );
        return { size: index.size, candidates: index.candidates, collections };
      },
      promotionsVersion(ctx),
    );
    return built!;
  }

  async function getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
    const c = await repo.selectCampaign(ctx.db, id);
    if (!c) throw notFound('campaign', id);
    return c;
  }

  return {
    ...createPromotionExtras(),
    getCampaign,
    listCampaigns: (ctx: Ctx, q: { status?: string; kind?: string; limit?: number; after?: string }) =>
      repo.selectCampaigns(ctx.db, { ...q, limit: Math.min(q.limit ?? 100, 500) }),

    async createCampaign(ctx: Ctx, raw: CampaignInput): Promise<Campaign> {
      const draft = campaignFromInput(raw, newId('cmp'), ctx.clock.now());
      await checkCollectionsExist(ctx.db, draft.conditions);
      return inTransaction(ctx, async (tx) => {
        const campaign = await repo.insertCampaign(tx.db, draft);
        await appendEvent(tx, {
          type: PROMOTION_EVENTS.campaignCreated,
          subject: campaign.id,
          channelId: null,
          payload: { campaign },
        });
        countCampaignChange(tx);
        return campaign;
      });
    },

    async updateCampaign(ctx: Ctx, id: string, patch: CampaignPatch): Promise<Campaign> {
      return inTransaction(ctx, async (tx) => {
        const current = await repo.selectCampaign(tx.db, id, true);
        if (!current) throw notFound('campaign', id);
        const next = patched(current, patch, tx.clock.now());
        if (patch.conditions) await checkCollectionsExist(tx.db, next.conditions);
        const campaign = (await repo.updateCampaignRow(tx.db, next))!;
        await appendEvent(tx, {
          type: PROMOTION_EVENTS.campaignUpdated,
          subject: id,
          channelId: null,
          payload: { campaign },
        });
        countCampaignChange(tx);
        return campaign;
      });
    },

    /** One named code, or `count` random unique ones (a taken one is drawn again). */
    async generateCodes(ctx: Ctx, campaignId: string, raw: GenerateCodes) {
      const input = GenerateCodes.parse(raw);
      if ((input.code === undefined) === (input.count === undefined)) {
        throw refuse('count', 'give either code or count');
      }
      const campaign = await getCampaign(ctx, campaignId);
      if (campaign.kind !== 'code') throw refuse('campaignId', 'an automatic campaign has no codes');
      const batchId = input.count ? newId('cpb') : null;
      return inTransaction(ctx, async (tx) => {
        const made: string[] = [];
        const wanted = input.count ?? 1;
        for (let round = 0; made.length < wanted && round < 5; round++) {
          const draw = input.code
            ? [input.code]
            : [...new Set(Array.from({ length: wanted - made.length }, () => randomCode(input.prefix)))];
          made.push(
            ...(await repo.insertCodes(tx.db, campaignId, draw, input.usageLimit, batchId, tx.clock.now())),
          );
          if (input.code) break;
        }
        if (made.length < wanted) {
          throw new AppError(
            'coupon_code_taken',
            input.code ? `The code ${input.code} is taken` : 'Could not draw unique codes',
          );
        }
        await appendEvent(tx, {
          type: PROMOTION_EVENTS.codesGenerated,
          subject: campaignId,
          channelId: null,
          payload: { campaignId, batchId, count: made.length },
        });
        return { campaignId, batchId, count: made.length, codes: made.slice(0, 100) };
      });
    },

    /** Every code of the campaign as CSV (code,usage_limit,used,batch_id), paged through by code. */
    async exportCodesCsv(ctx: Ctx, campaignId: string): Promise<string> {
      await getCampaign(ctx, campaignId);
      const out = ['code,usage_limit,used,batch_id'];
      for (let after = ''; ; ) {
        const page: CouponCode[] = await repo.selectCodesOfCampaign(ctx.db, campaignId, after, 5_000);
        for (const c of page) out.push(`${c.code},${c.usageLimit ?? ''},${c.used},${c.batchId ?? ''}`);
        if (page.length < 5_000) break;
        after = page.at(-1)!.code;
      }
      return `${out.join('\n')}\n`;
    },

    cartCodes: (ctx: Ctx, cartId: string) => repo.selectCartCodes(ctx.db, cartId),
    addCartCode: (ctx: Ctx, cartId: string, code: string) =>
      repo.insertCartCode(ctx.db, cartId, code, ctx.clock.now()),
    removeCartCode: (ctx: Ctx, cartId: string, code: string) => repo.deleteCartCode(ctx.db, cartId, code),

    hasLiveAutomaticCampaigns: async (ctx: Ctx) => (await liveIndex(ctx)).size > 0,

    /** Prices a cart: which campaigns apply (per line) and why the others do not. */
    async priceCart(ctx: Ctx, input: PriceCartInput): Promise<Evaluation> {
      const index = await liveIndex(ctx);
      const automatic = index.candidates(input.channelId, input.lines);
      const codes = await repo.selectCodes(ctx.db, input.codes);
      const byCode = new Map(codes.map((c) => [c.code, c]));
      const codeCampaigns = new Map<string, Campaign>();
      for (const id of new Set(codes.map((c) => c.campaignId))) {
        const c = await repo.selectCampaign(ctx.db, id);
        if (c) codeCampaigns.set(id, c);
      }
      const limited = [...automatic, ...codeCampaigns.values()].filter((c) => c.perCustomerLimit !== null);
      const customerUses = input.customer
        ? await repo.selectCustomerUses(
            ctx.db,
            input.customer.id,
            limited.map((c) => c.id),
          )
        : new Map<string, number>();
      const customer = await withAudiences(input, [...automatic, ...codeCampaigns.values()]);
      return evaluateCart({
        now: ctx.clock.now(),
        channelId: input.channelId,
        currency: input.currency,
        customer,
        lines: input.lines,
        shipping: input.shipping,
        automatic,
        codes: input.codes.map((code) => {
          const c = byCode.get(code);
          return {
            code,
            campaign: c ? (codeCampaigns.get(c.campaignId) ?? null) : null,
            codeExhausted: c ? c.usageLimit !== null && c.used >= c.usageLimit : false,
          };
        }),
        customerUses,
        collections: index.collections,
      });
    },

    /**
     * What a campaign being edited (not stored) would do to a sample cart: evaluated alone, so the
     * answer is about this campaign's rules (applies, with the amount per line, or why not).
     */
    async previewCampaign(ctx: Ctx, raw: CampaignInput, input: PriceCartInput): Promise<Evaluation> {
      const draft = campaignFromInput(raw, 'cmp_preview', ctx.clock.now(), 'body.campaign');
      // Tried as if by a code, so every reason is told (an automatic campaign's misses are otherwise
      // kept quiet on a cart); the code is taken off again for an automatic one.
      const evaluation = evaluateCart({
        now: ctx.clock.now(),
        channelId: input.channelId,
        currency: input.currency,
        customer: await withAudiences(input, [draft]),
        lines: input.lines,
        shipping: input.shipping,
        automatic: [],
        codes: [{ code: 'PREVIEW', campaign: draft, codeExhausted: false }],
        customerUses: new Map(),
        collections: await collectionMembers(ctx.db, draft.conditions.collectionIds ?? []),
      });
      if (draft.kind === 'code') return evaluation;
      return {
        applied: evaluation.applied.map((a) => ({ ...a, code: null })),
        notApplied: evaluation.notApplied.map((n) => ({ ...n, code: null })),
      };
    },

    /**
     * Holds one use of each applied campaign (and code, and customer) for the order, in one
     * transaction of conditional UPDATEs: all or none. A limit reached refuses with 409.
     */
    async reserveUses(ctx: Ctx, input: ReserveInput): Promise<void> {
      if (input.uses.length === 0) return;
      await inTransaction(ctx, async (tx) => {
        for (const use of input.uses) {
          const campaign = await repo.selectCampaign(tx.db, use.campaignId);
          const refused = (reason: string) =>
            new AppError(
              'promotion_unavailable',
              `${campaign?.name ?? use.campaignId} can no longer be used: ${reason}`,
              {
                details: { reason, campaignId: use.campaignId, couponCode: use.code },
              },
            );
          if (!campaign) throw refused('unknown_campaign');
          // An unlimited campaign's row is not touched: a popular sale must not serialize checkouts.
          if (campaign.usageLimit !== null && !(await repo.takeCampaignUse(tx.db, use.campaignId))) {
            throw refused('usage_exhausted');
          }
          if (use.code && !(await repo.takeCodeUse(tx.db, use.code))) throw refused('usage_exhausted');
          if (campaign.perCustomerLimit !== null && input.customerId) {
            const ok = await repo.takeCustomerUse(
              tx.db,
              use.campaignId,
              input.customerId,
              campaign.perCustomerLimit,
            );
            if (!ok) throw refused('already_used');
          }
          await repo.insertRedemption(tx.db, {
            id: newId('rdm'),
            campaignId: use.campaignId,
            code: use.code,
            orderId: input.orderId,
            channelId: input.channelId,
            customerId: campaign.perCustomerLimit !== null ? input.customerId : null,
            amount: use.amount,
            orderTotal: input.orderTotal ?? null,
            currency: input.currency,
            source: 'checkout',
            createdAt: tx.clock.now(),
          });
        }
        await appendEvent(tx, {
          type: PROMOTION_EVENTS.usesReserved,
          subject: input.orderId,
          channelId: input.channelId,
          payload: {
            orderId: input.orderId,
            source: 'checkout',
            uses: input.uses.map((u) => ({ campaignId: u.campaignId, code: u.code })),
          },
        });
      });
    },

    /** Gives back the uses the order holds; a second call finds none (exactly once). */
    async releaseUses(ctx: Ctx, orderId: string): Promise<number> {
      return inTransaction(ctx, async (tx) => {
        const released = await repo.releaseRedemptions(tx.db, orderId, tx.clock.now());
        for (const use of released) await repo.giveBackUse(tx.db, use);
        if (released.length > 0) {
          await appendEvent(tx, {
            type: PROMOTION_EVENTS.usesReleased,
            subject: orderId,
            channelId: null,
            payload: { orderId, uses: released.map((u) => ({ campaignId: u.campaign_id, code: u.code })) },
          });
        }
        return released.length;
      });
    },

    /**
     * A marketplace order's discount, as the marketplace gave it: a known code counts one use even
     * past the limit (the sale happened); an unknown code records nothing here.
     */
    async recordMarketplaceUse(
      ctx: Ctx,
      input: Omit<ReserveInput, 'uses'> & { code: string; amount: number },
    ): Promise<boolean> {
      const [code] = await repo.selectCodes(ctx.db, [input.code.toUpperCase()]);
      if (!code) return false;
      return inTransaction(ctx, async (tx) => {
        const inserted = await repo.insertRedemption(tx.db, {
          id: newId('rdm'),
          campaignId: code.campaignId,
          code: code.code,
          orderId: input.orderId,
          channelId: input.channelId,
          customerId: null,
          amount: input.amount,
          orderTotal: input.orderTotal ?? null,
          currency: input.currency,
          source: 'marketplace',
          createdAt: tx.clock.now(),
        });
        if (!inserted) return false;
        await repo.countUseAnyway(tx.db, code.campaignId, code.code);
        await appendEvent(tx, {
          type: PROMOTION_EVENTS.usesReserved,
          subject: input.orderId,
          channelId: input.channelId,
          payload: {
            orderId: input.orderId,
            source: 'marketplace',
            uses: [{ campaignId: code.campaignId, code: code.code }],
          },
        });
        return true;
      });
    },

    redemptionsOfOrder: (ctx: Ctx, orderId: string) => repo.selectRedemptionsOfOrder(ctx.db, orderId),
  };
}

export type PromotionsServiceImpl = ReturnType<typeof createPromotionsService>;
