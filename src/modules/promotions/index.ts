// Promotions: campaigns (automatic or by coupon code) with rules over channels, customers, items,
// spend and schedule; the one pricing engine every channel's cart is priced with; coupon codes on
// carts; and usage limits that hold under concurrency (uses reserved at checkout, given back once).
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../../platform/context.js';
import type { MigrationSet } from '../../platform/db/migrate.js';
import type { PriceCartInput, ReserveInput } from './promotions.service.js';
import type {
  Campaign,
  CampaignInput,
  CampaignPatch,
  CampaignReport,
  CollectionInput,
  Evaluation,
  GenerateCodes,
  ProductCollection,
} from './promotions.types.js';

export { allocateByValue, percentOf } from './allocation.js';
export { buildCampaignIndex, type CampaignIndex } from './campaign-index.js';
export { campaignFromInput } from './campaign-input.js';
export {
  type CollectionMembers,
  evaluateCart,
  type PricingCustomer,
  type PricingInput,
  type PricingLine,
} from './evaluate.js';
export {
  bumpPromotionsVersion,
  PROMOTION_EVENT_SCHEMAS,
  PROMOTION_EVENTS,
  promotionsVersion,
} from './promotions.events.js';
export { promotionsRoutes } from './promotions.routes.js';
export {
  createPromotionsService,
  type PriceCartInput,
  type ReserveInput,
  type UseToReserve,
} from './promotions.service.js';
export * from './promotions.types.js';
export { type CampaignScope, campaignScopes } from './scope-figures.js';

/** What flows and routes ask of promotions. */
export interface PromotionsService {
  getCampaign(ctx: Ctx, id: string): Promise<Campaign>;
  listCampaigns(
    ctx: Ctx,
    q: { status?: string; kind?: string; limit?: number; after?: string },
  ): Promise<Campaign[]>;
  createCampaign(ctx: Ctx, input: CampaignInput): Promise<Campaign>;
  updateCampaign(ctx: Ctx, id: string, patch: CampaignPatch): Promise<Campaign>;
  generateCodes(
    ctx: Ctx,
    campaignId: string,
    input: GenerateCodes,
  ): Promise<{ campaignId: string; batchId: string | null; count: number; codes: string[] }>;
  exportCodesCsv(ctx: Ctx, campaignId: string): Promise<string>;
  /** The coupon codes on a cart, in the order they were added. */
  cartCodes(ctx: Ctx, cartId: string): Promise<string[]>;
  addCartCode(ctx: Ctx, cartId: string, code: string): Promise<void>;
  removeCartCode(ctx: Ctx, cartId: string, code: string): Promise<boolean>;
  /**
   * Whether any automatic campaign is live (from the in-memory index, no round trip when warm): with
   * none, and no code on a cart, pricing has nothing to do.
   */
  hasLiveAutomaticCampaigns(ctx: Ctx): Promise<boolean>;
  /** Which campaigns apply to a cart (per line) and why the others do not. */
  priceCart(ctx: Ctx, input: PriceCartInput): Promise<Evaluation>;
  /** A campaign being edited (not stored) evaluated alone against a sample cart. */
  previewCampaign(ctx: Ctx, draft: CampaignInput, input: PriceCartInput): Promise<Evaluation>;
  /** Holds one use per applied campaign for the order, all or none (409 when a limit is reached). */
  reserveUses(ctx: Ctx, input: ReserveInput): Promise<void>;
  /** Gives back the order's held uses; returns how many (0 on a repeat: exactly once). */
  releaseUses(ctx: Ctx, orderId: string): Promise<number>;
  /** Records an imported order's code use as the marketplace gave it; false when unknown or recorded. */
  recordMarketplaceUse(
    ctx: Ctx,
    input: Omit<ReserveInput, 'uses'> & { code: string; amount: number },
  ): Promise<boolean>;
  listCollections(ctx: Ctx): Promise<ProductCollection[]>;
  saveCollection(ctx: Ctx, input: CollectionInput, id?: string): Promise<ProductCollection>;
  /** Emits the start and end events of campaigns whose schedule time came (each once). */
  announceSchedule(ctx: Ctx): Promise<number>;
  campaignReport(
    ctx: Ctx,
    campaignId: string,
    range?: { from?: Date | undefined; to?: Date | undefined },
  ): Promise<CampaignReport>;
  redemptionsOfOrder(
    ctx: Ctx,
    orderId: string,
  ): Promise<Array<{ campaign_id: string; code: string | null; status: string; amount: number }>>;
}

export const promotionsMigrations: MigrationSet = {
  name: 'promotions',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
