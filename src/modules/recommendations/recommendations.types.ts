// The records of the recommendations module: what a basket holds, and ranked products.
import { z } from 'zod';

/** One product in one basket (an order, or a customer's views of a day). */
export interface BasketItem {
  /** `o:<order id>` or `v:<customer id>:<yyyy-mm-dd>`. */
  basket: string;
  productId: string;
  kind: 'order' | 'view';
  customerId: string | null;
  /** The channel an order was placed on (its best sellers); null for views. */
  channelId: string | null;
  /** Units bought (0 for a view). */
  units: number;
  at: Date;
}

/** Units of a product returned from an order (`order.returned`), its basket `o:<order id>`. */
export interface ReturnedItem {
  returnId: string;
  basket: string;
  productId: string;
  /** The channel the order was placed on (its best sellers lose the units). */
  channelId: string;
  units: number;
}

/** A product seen with another: in how many orders and customer-days, and its score (bought × 3 + viewed). */
export interface Neighbour {
  productId: string;
  bought: number;
  viewed: number;
  score: number;
}

export interface Ranked {
  productId: string;
  score: number;
}

/** Why a product is recommended. */
export const RECOMMENDATION_REASONS = [
  'bought_together',
  'viewed_together',
  'best_seller',
  'for_you',
] as const;
export const RecommendationReason = z.enum(RECOMMENDATION_REASONS);
export type RecommendationReason = z.infer<typeof RecommendationReason>;

/** A candidate before the channel decides whether it can sell it. */
export interface Candidate {
  productId: string;
  reason: RecommendationReason;
  score: number;
}
