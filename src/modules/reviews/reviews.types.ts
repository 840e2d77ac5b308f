// What the reviews module takes and gives: the schemas routes declare and the types services use.
import { z } from 'zod';
import { REVIEW_STATUSES } from './review-state.js';

export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 4_000;
export const REVIEWER_NAME_MAX = 60;

export const ReviewStatus = z.enum(REVIEW_STATUSES);

export const Review = z.object({
  id: z.string(),
  orderId: z.string(),
  productId: z.string(),
  sku: z.string(),
  productTitle: z.string(),
  channelId: z.string(),
  customerId: z.string().nullable(),
  reviewerName: z.string().describe('first name and initial; never an email address'),
  locale: z.string(),
  rating: z.number().int().min(1).max(5),
  title: z.string().nullable(),
  body: z.string().nullable(),
  status: ReviewStatus,
  rejectReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  verifiedPurchase: z.literal(true).describe('every review comes from an order'),
});
export type Review = z.infer<typeof Review>;

/** What a shopper writes about one product of their order. */
export const ReviewText = z.object({
  rating: z.number().int().min(1).max(5),
  title: z.string().trim().max(REVIEW_TITLE_MAX).optional(),
  body: z.string().trim().max(REVIEW_BODY_MAX).optional(),
});
export type ReviewText = z.infer<typeof ReviewText>;

/** A review to record: the text, and what the flow copied from the order, product and customer. */
export interface NewReview extends ReviewText {
  orderId: string;
  productId: string;
  sku: string;
  productTitle: string;
  channelId: string;
  customerId: string | null;
  reviewerName: string;
  locale: string;
}

export interface ReviewFilter {
  status?: z.infer<typeof ReviewStatus> | undefined;
  channelId?: string | undefined;
  productId?: string | undefined;
  rating?: number | undefined;
  limit: number;
  /** The createdAt|id of the last review of the previous page (newest first). */
  after?: string | undefined;
}

export interface PublishedPage {
  productId: string;
  count: number;
  /** Mean rating of the published reviews, one decimal; null when there are none. */
  average: number | null;
  items: Review[];
}
