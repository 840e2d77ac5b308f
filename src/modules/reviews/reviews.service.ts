// The reviews service: records a shopper's review of a product of their order (pending until a
// moderator decides), moderates, answers the product page (published, newest first, with count and
// average) and signs and reads the expiring links of review-request messages. Refers to orders,
// products, customers and channels by id, with the few fields it shows copied in.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, type FieldIssue, newId, notFound, validationError } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { textProblem } from '../../platform/http/text-guard.js';
import { refuseReviewTransition } from './review-state.js';
import { REVIEW_EVENTS } from './reviews.events.js';
import {
  eraseReviews,
  insertReview,
  linkSecret,
  selectPublished,
  selectPublishedSummary,
  selectReview,
  selectReviews,
  selectReviewsOfOrder,
  updateDecision,
} from './reviews.repository.js';
import {
  type NewReview,
  type PublishedPage,
  REVIEW_BODY_MAX,
  REVIEW_TITLE_MAX,
  REVIEWER_NAME_MAX,
  type Review,
  type ReviewFilter,
} from './reviews.types.js';

/** How long a review link works after the message is made. */
export const REVIEW_LINK_TTL_MS = 60 * 86_400_000;
const REASON_MAX = 500;

export interface ReviewsService {
  /** Records a pending review; 409 review_exists when the order already has one for the product. */
  submit(ctx: Ctx, input: NewReview): Promise<Review>;
  /** Publishes or rejects (a reason is required) a review, by the state table. */
  decide(ctx: Ctx, id: string, to: 'published' | 'rejected', reason?: string | null): Promise<Review>;
  get(ctx: Ctx, id: string): Promise<Review>;
  list(ctx: Ctx, filter: ReviewFilter): Promise<{ items: Review[]; next: string | null }>;
  ofOrder(ctx: Ctx, orderId: string): Promise<Review[]>;
  /** A product's published reviews (every channel's), newest first, with their count and average. */
  published(ctx: Ctx, productId: string, page: { limit: number; page: number }): Promise<PublishedPage>;
  /** A signed link token naming the order, valid for `ttlMs` from now. */
  linkToken(ctx: Ctx, orderId: string, ttlMs?: number): Promise<string>;
  /** The order a token names; null when it was altered, forged or has expired. */
  readLinkToken(ctx: Ctx, token: string): Promise<{ orderId: string; expiresAt: Date } | null>;
  /** Erasure: clears the name and words of the profiles' and orders' reviews. */
  erase(ctx: Ctx, who: { profileIds: string[]; orderIds: string[] }): Promise<number>;
}

/** Refuses unstorable or too long text and an out-of-range rating, naming the field. */
function checkInput(input: NewReview): void {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    issues.push({ path: 'rating', message: 'must be a whole number from 1 to 5', code: 'out_of_range' });
  const texts: Array<[string, string | undefined, number]> = [
    ['title', input.title, REVIEW_TITLE_MAX],
    ['body', input.body, REVIEW_BODY_MAX],
    ['reviewerName', input.reviewerName, REVIEWER_NAME_MAX],
  ];
  for (const [path, value, max] of texts) {
    if (value === undefined) continue;
    const p = textProblem(value, max);
    if (p) issues.push({ ...p, path });
  }
  if (issues.length) throw validationError(issues);
}

const mac = (secret: string, orderId: string, expires: string) =>
  createHmac('sha256', secret).update(`review\n${orderId}\n${expires}`).digest('base64url').slice(0, 22);

export function createReviewsService(): ReviewsService {
  // The secret never changes once made: read once per process.
  let secret: Promise<string> | undefined;
  const secretOf = (ctx: Ctx) => {
    secret ??= linkSecret(ctx.db, randomBytes(32).toString('base64url'), ctx.clock.now()).catch((e) => {
      secret = undefined;
      throw e;
    });
    return secret;
  };
  const ref = (r: Review) => ({
    reviewId: r.id,
    orderId: r.orderId,
    productId: r.productId,
    channelId: r.channelId,
    rating: r.rating,
  });

  return {
    async submit(ctx, input) {
      checkInput(input);
      const clean = { ...input, title: input.title || undefined, body: input.body || undefined };
      return inTransaction(ctx, async (tx) => {
        const r = await insertReview(tx.db, { ...clean, id: newId('rev'), now: tx.clock.now() });
        if (!r)
          throw new AppError('review_exists', 'This product of the order has a review already', {
            details: { orderId: input.orderId, productId: input.productId },
          });
        await appendEvent(tx, {
          type: REVIEW_EVENTS.submitted,
          subject: r.id,
          channelId: r.channelId,
          payload: ref(r),
        });
        return r;
      });
    },
    async decide(ctx, id, to, reason) {
      const why = reason?.trim() || null;
      if (to === 'rejected') {
        const p =
          why === null ? { message: 'a reason is required', code: 'required' } : textProblem(why, REASON_MAX);
        if (p) throw validationError([{ ...p, path: 'reason' }]);
      }
      return inTransaction(ctx, async (tx) => {
        const r = await selectReview(tx.db, id, true);
        if (!r) throw notFound('review', id);
        const refused = refuseReviewTransition(r.status, to);
        if (refused)
          throw new AppError('review_transition_refused', refused, { details: { from: r.status, to } });
        const by = tx.actor.id;
        const done = await updateDecision(tx.db, {
          id,
          status: to,
          reason: to === 'rejected' ? why : null,
          by,
          now: tx.clock.now(),
        });
        await appendEvent(tx, {
          type: to === 'published' ? REVIEW_EVENTS.published : REVIEW_EVENTS.rejected,
          subject: id,
          channelId: r.channelId,
          payload: to === 'published' ? { ...ref(done), by } : { ...ref(done), by, reason: why ?? '' },
        });
        return done;
      });
    },
    async get(ctx, id) {
      const r = await selectReview(ctx.db, id);
      if (!r) throw notFound('review', id);
      return r;
    },
    async list(ctx, filter) {
      const items = await selectReviews(ctx.db, filter);
      const last = items.length === filter.limit ? items[items.length - 1] : undefined;
      return { items, next: last ? `${last.createdAt.toISOString()}|${last.id}` : null };
    },
    ofOrder: (ctx, orderId) => selectReviewsOfOrder(ctx.db, orderId),
    async published(ctx, productId, page) {
      const [summary, items] = await Promise.all([
        selectPublishedSummary(ctx.db, productId),
        selectPublished(ctx.db, productId, { limit: page.limit, offset: (page.page - 1) * page.limit }),
      ]);
      return { productId, ...summary, items };
    },
    async linkToken(ctx, orderId, ttlMs = REVIEW_LINK_TTL_MS) {
      const expires = Math.floor((ctx.clock.now().getTime() + ttlMs) / 1000).toString(36);
      return `${orderId}.${expires}.${mac(await secretOf(ctx), orderId, expires)}`;
    },
    async readLinkToken(ctx, token) {
      const [orderId, expires, got, ...rest] = token.split('.');
      if (!orderId || !expires || !got || rest.length) return null;
      const want = Buffer.from(mac(await secretOf(ctx), orderId, expires));
      const given = Buffer.from(got);
      if (want.length !== given.length || !timingSafeEqual(want, given)) return null;
      const expiresAt = new Date(Number.parseInt(expires, 36) * 1000);
      if (!(expiresAt.getTime() > ctx.clock.now().getTime())) return null;
      return { orderId, expiresAt };
    },
    erase: (ctx, who) => eraseReviews(ctx.db, { ...who, erased: '[erased]' }),
  };
}
