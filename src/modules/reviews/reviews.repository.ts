// SQL of the reviews module. One order × product has at most one review (a unique index, so two
// racing submits cannot both land); the product page's count and average are one aggregate over the
// product's published reviews, its page one index range.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { ReviewStatus } from './review-state.js';
import type { NewReview, Review, ReviewFilter } from './reviews.types.js';

interface ReviewRow {
  id: string;
  order_id: string;
  product_id: string;
  sku: string;
  product_title: string;
  channel_id: string;
  customer_id: string | null;
  reviewer_name: string;
  locale: string;
  rating: number;
  title: string | null;
  body: string | null;
  status: ReviewStatus;
  reject_reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  created_at: Date | string;
}

const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));
const toReview = (r: ReviewRow): Review => ({
  id: r.id,
  orderId: r.order_id,
  productId: r.product_id,
  sku: r.sku,
  productTitle: r.product_title,
  channelId: r.channel_id,
  customerId: r.customer_id,
  reviewerName: r.reviewer_name,
  locale: r.locale,
  rating: Number(r.rating),
  title: r.title,
  body: r.body,
  status: r.status,
  rejectReason: r.reject_reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : date(r.decided_at),
  createdAt: date(r.created_at),
  verifiedPurchase: true,
});

/** Inserts the review; undefined when the order already has one for this product. */
export async function insertReview(
  exec: Executor,
  r: NewReview & { id: string; now: Date },
): Promise<Review | undefined> {
  const row = await firstRow<ReviewRow>(
    exec,
    sql`insert into reviews (id, order_id, product_id, sku, product_title, channel_id, customer_id,
          reviewer_name, locale, rating, title, body, status, created_at)
        values (${r.id}, ${r.orderId}, ${r.productId}, ${r.sku}, ${r.productTitle}, ${r.channelId},
          ${r.customerId}, ${r.reviewerName}, ${r.locale}, ${r.rating}, ${r.title ?? null},
          ${r.body ?? null}, 'pending', ${r.now.toISOString()}::timestamptz)
        on conflict (order_id, product_id) do nothing
        returning *`,
  );
  return row && toReview(row);
}

export async function selectReview(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<Review | undefined> {
  const row = await firstRow<ReviewRow>(
    exec,
    forUpdate
      ? sql`select * from reviews where id = ${id} for update`
      : sql`select * from reviews where id = ${id}`,
  );
  return row && toReview(row);
}

export async function updateDecision(
  exec: Executor,
  d: { id: string; status: ReviewStatus; reason: string | null; by: string; now: Date },
): Promise<Review> {
  const row = await firstRow<ReviewRow>(
    exec,
    sql`update reviews set status = ${d.status}, reject_reason = ${d.reason}, decided_by = ${d.by},
          decided_at = ${d.now.toISOString()}::timestamptz
        where id = ${d.id} returning *`,
  );
  return toReview(row!);
}

export async function selectReviewsOfOrder(exec: Executor, orderId: string): Promise<Review[]> {
  const found = await rows<ReviewRow>(
    exec,
    sql`select * from reviews where order_id = ${orderId} order by created_at, id`,
  );
  return found.map(toReview);
}

/** Newest first; `after` is the last row of the previous page as `createdAt|id`. */
export async function selectReviews(exec: Executor, f: ReviewFilter): Promise<Review[]> {
  const where = [sql`true`];
  if (f.status) where.push(sql`status = ${f.status}`);
  if (f.channelId) where.push(sql`channel_id = ${f.channelId}`);
  if (f.productId) where.push(sql`product_id = ${f.productId}`);
  if (f.rating) where.push(sql`rating = ${f.rating}`);
  if (f.after) {
    const cut = f.after.lastIndexOf('|');
    const at = f.after.slice(0, cut);
    const id = f.after.slice(cut + 1);
    where.push(sql`(created_at, id) < (${at}::timestamptz, ${id})`);
  }
  const found = await rows<ReviewRow>(
    exec,
    sql`select * from reviews where ${sql.join(where, sql` and `)}
        order by created_at desc, id desc limit ${f.limit}`,
  );
  return found.map(toReview);
}

export async function selectPublishedSummary(
  exec: Executor,
  productId: string,
): Promise<{ count: number; average: number | null }> {
  const row = await firstRow<{ count: number | string; average: number | string | null }>(
    exec,
    sql`select count(*)::int as count, round(avg(rating)::numeric, 1)::float8 as average
        from reviews where product_id = ${productId} and status = 'published'`,
  );
  return {
    count: Number(row?.count ?? 0),
    average: row?.average === null || row?.average === undefined ? null : Number(row.average),
  };
}

export async function selectPublished(
  exec: Executor,
  productId: string,
  page: { limit: number; offset: number },
): Promise<Review[]> {
  const found = await rows<ReviewRow>(
    exec,
    sql`select * from reviews where product_id = ${productId} and status = 'published'
        order by created_at desc, id desc limit ${page.limit} offset ${page.offset}`,
  );
  return found.map(toReview);
}

/** The link secret, made by whichever node asks first (a racing node's insert does nothing). */
export async function linkSecret(exec: Executor, fresh: string, now: Date): Promise<string> {
  await rows(
    exec,
    sql`insert into review_link_keys (id, secret, created_at)
        values ('default', ${fresh}, ${now.toISOString()}::timestamptz) on conflict (id) do nothing`,
  );
  const row = await firstRow<{ secret: string }>(
    exec,
    sql`select secret from review_link_keys where id = 'default'`,
  );
  return row!.secret;
}

/** Erasure: the name and the words of the erased customer's reviews (by profile or by order) go. */
export async function eraseReviews(
  exec: Executor,
  who: { profileIds: string[]; orderIds: string[]; erased: string },
): Promise<number> {
  const found = await rows<{ id: string }>(
    exec,
    sql`update reviews set reviewer_name = ${who.erased}, title = null, body = null, customer_id = null
        where customer_id = any(${sql.param(who.profileIds)}::text[])
           or order_id = any(${sql.param(who.orderIds)}::text[])
        returning id`,
  );
  return found.length;
}
