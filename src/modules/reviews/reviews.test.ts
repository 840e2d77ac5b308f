// Reviews on both databases: the state table (pending → published | rejected, a published review can
// be taken down, nothing leaves rejected), one review per order × product (racing submits too),
// hostile or too long text refused naming the field with nothing written, the product page's count,
// average and newest-first pages, and review links that refuse tampering and expiry.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { isAppError, ManualClock } from '../../kernel/index.js';
import { rows } from '../../platform/db/database.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createReviewsService, type NewReview, refuseReviewTransition, reviewsMigrations } from './index.js';

const review = (o: Partial<NewReview> = {}): NewReview => ({
  orderId: 'ord_1',
  productId: 'prod_a',
  sku: 'CAP-1',
  productTitle: 'Trail cap',
  channelId: 'chn_web',
  customerId: 'cus_1',
  reviewerName: 'Eva M.',
  locale: 'nl',
  rating: 5,
  title: 'Great',
  body: 'Fits well.',
  ...o,
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, status: e.status, paths: (e.issues ?? []).map((i) => i.path) };
    throw e;
  }
  throw new Error('expected a refusal');
}

it('the state table: pending → published | rejected; published → rejected; rejected is final', () => {
  expect(refuseReviewTransition('pending', 'published')).toBeNull();
  expect(refuseReviewTransition('pending', 'rejected')).toBeNull();
  expect(refuseReviewTransition('published', 'rejected')).toBeNull();
  expect(refuseReviewTransition('published', 'published')).toMatch(/can only become rejected/);
  expect(refuseReviewTransition('rejected', 'published')).toMatch(/final/);
  expect(refuseReviewTransition('pending', 'pending')).toMatch(/can only become/);
});

describeEachDatabase('reviews', [reviewsMigrations], (t) => {
  const reviews = createReviewsService();
  const count = async () =>
    (await rows<{ n: number }>(t.ctx().db, sql`select count(*)::int as n from reviews`))[0]!.n;
  const eventsOf = async (type: string) =>
    (
      await rows<{ n: number }>(t.ctx().db, sql`select count(*)::int as n from events where type = ${type}`)
    )[0]!.n;

  it('moves through the state table, with an event per step, and refuses the rest', async () => {
    const ctx = t.ctx();
    const r = await reviews.submit(ctx, review({ orderId: 'ord_t1' }));
    expect(r).toMatchObject({ status: 'pending', rating: 5, verifiedPurchase: true });
    const published = await reviews.decide(ctx, r.id, 'published');
    expect(published).toMatchObject({ status: 'published', decidedBy: 'system' });
    expect(await refusal(reviews.decide(ctx, r.id, 'published'))).toMatchObject({
      code: 'review_transition_refused',
      status: 409,
    });
    // Taken down later, with the reason; then it is final.
    expect(await refusal(reviews.decide(ctx, r.id, 'rejected'))).toMatchObject({ paths: ['reason'] });
    const down = await reviews.decide(ctx, r.id, 'rejected', 'Mentions a competitor');
    expect(down).toMatchObject({ status: 'rejected', rejectReason: 'Mentions a competitor' });
    expect(await refusal(reviews.decide(ctx, r.id, 'published'))).toMatchObject({
      code: 'review_transition_refused',
    });
    expect(await refusal(reviews.decide(ctx, 'rev_missing', 'published'))).toMatchObject({
      code: 'not_found',
    });
    expect(await eventsOf('review.submitted')).toBeGreaterThanOrEqual(1);
    expect(await eventsOf('review.published')).toBeGreaterThanOrEqual(1);
    expect(await eventsOf('review.rejected')).toBeGreaterThanOrEqual(1);
  });

  it('keeps one review per order × product, racing submits included', async () => {
    const ctx = t.ctx();
    const before = await count();
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => reviews.submit(ctx, review({ orderId: 'ord_race' }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect(isAppError((r as PromiseRejectedResult).reason, 'review_exists')).toBe(true);
    // Another product of the same order, or the same product of another order, is a review of its own.
    await reviews.submit(ctx, review({ orderId: 'ord_race', productId: 'prod_b' }));
    await reviews.submit(ctx, review({ orderId: 'ord_race2' }));
    expect(await count()).toBe(before + 3);
  });

  it('refuses hostile or too long text and a rating out of range, naming the field, writing nothing', async () => {
    const ctx = t.ctx();
    const before = await count();
    const cases: Array<[Partial<NewReview>, string]> = [
      [{ title: 'bad\u0000title' }, 'title'],
      [{ body: 'lone \uD800 surrogate' }, 'body'],
      [{ body: 'x'.repeat(4_001) }, 'body'],
      [{ title: 'y'.repeat(121) }, 'title'],
      [{ rating: 6 }, 'rating'],
      [{ rating: 0 }, 'rating'],
      [{ rating: 4.5 }, 'rating'],
      [{ reviewerName: 'z\u0000' }, 'reviewerName'],
    ];
    for (const [bad, field] of cases) {
      const r = await refusal(reviews.submit(ctx, review({ orderId: `ord_bad_${field}`, ...bad })));
      expect(r).toMatchObject({ code: 'validation_failed', status: 400, paths: [field] });
    }
    expect(await count()).toBe(before);
  });

  it("answers a product's published reviews newest first, paged, with count and average", async () => {
    const clock = new ManualClock('2026-11-01T10:00:00Z');
    const ctx = t.ctx({ clock });
    const ratings = [5, 4, 2, 5, 3];
    const ids: string[] = [];
    for (const [i, rating] of ratings.entries()) {
      clock.advance(60_000);
      const r = await reviews.submit(ctx, review({ orderId: `ord_p${i}`, productId: 'prod_page', rating }));
      ids.push(r.id);
      if (i !== 2) await reviews.decide(ctx, r.id, 'published');
    }
    // The 2-star one still waits: it counts nowhere.
    const first = await reviews.published(ctx, 'prod_page', { limit: 3, page: 1 });
    expect(first.count).toBe(4);
    expect(first.average).toBe(4.3); // (5 + 4 + 5 + 3) / 4 = 4.25 → one decimal
    expect(first.items.map((r) => r.id)).toEqual([ids[4], ids[3], ids[1]]);
    const second = await reviews.published(ctx, 'prod_page', { limit: 3, page: 2 });
    expect(second.items.map((r) => r.id)).toEqual([ids[0]]);
    expect(await reviews.published(ctx, 'prod_none', { limit: 3, page: 1 })).toMatchObject({
      count: 0,
      average: null,
      items: [],
    });
    const pending = await reviews.list(ctx, { status: 'pending', productId: 'prod_page', limit: 10 });
    expect(pending.items.map((r) => r.id)).toEqual([ids[2]]);
    const byRating = await reviews.list(ctx, { productId: 'prod_page', rating: 5, limit: 1 });
    expect(byRating.items.map((r) => r.id)).toEqual([ids[3]]);
    const next = await reviews.list(ctx, {
      productId: 'prod_page',
      rating: 5,
      limit: 1,
      after: byRating.next!,
    });
    expect(next.items.map((r) => r.id)).toEqual([ids[0]]);
  });

  it('signs review links: tampered, forged and expired ones read as nothing', async () => {
    const clock = new ManualClock('2026-11-01T10:00:00Z');
    const ctx = t.ctx({ clock });
    const token = await reviews.linkToken(ctx, 'ord_link', 86_400_000);
    expect(await reviews.readLinkToken(ctx, token)).toMatchObject({ orderId: 'ord_link' });
    const [, exp, mac] = token.split('.');
    expect(await reviews.readLinkToken(ctx, `ord_other.${exp}.${mac}`)).toBeNull();
    expect(
      await reviews.readLinkToken(
        ctx,
        `ord_link.${(Number.parseInt(exp!, 36) + 99_999).toString(36)}.${mac}`,
      ),
    ).toBeNull();
    expect(await reviews.readLinkToken(ctx, `${token}x`)).toBeNull();
    expect(await reviews.readLinkToken(ctx, 'nonsense')).toBeNull();
    // Another service (another node) reads the same secret from the database.
    expect(await createReviewsService().readLinkToken(ctx, token)).toMatchObject({ orderId: 'ord_link' });
    clock.advance(86_400_000 + 1_000);
    expect(await reviews.readLinkToken(ctx, token)).toBeNull();
  });

  it('erases the name and words of an erased customer, keeping the rating', async () => {
    const ctx = t.ctx();
    const r = await reviews.submit(ctx, review({ orderId: 'ord_erase', customerId: 'cus_erase' }));
    const g = await reviews.submit(ctx, review({ orderId: 'ord_guest', customerId: null }));
    expect(await reviews.erase(ctx, { profileIds: ['cus_erase'], orderIds: ['ord_guest'] })).toBe(2);
    for (const id of [r.id, g.id])
      expect(await reviews.get(ctx, id)).toMatchObject({
        reviewerName: '[erased]',
        title: null,
        body: null,
        customerId: null,
        rating: 5,
      });
  });
});
