// Reviews across modules: the review page of a review-request message (its signed link names the
// order: no sign-in), which lists the order's products and takes one review each, copying what a
// review shows (product, channel, the reviewer's first name and initial) from orders, the catalog
// and customers; and a product page's published reviews, resolved from an id, handle or SKU.
import { AppError, notFound, validationError } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Order, OrdersService } from '../../modules/orders/index.js';
import type { PublishedPage, Review, ReviewsService, ReviewText } from '../../modules/reviews/index.js';
import type { Ctx } from '../../platform/context.js';

export interface ReviewsFlowDeps {
  reviews: ReviewsService;
  orders: Pick<OrdersService, 'findOrder'>;
  catalog: Pick<CatalogService, 'findVariantsBySkus' | 'findProductsByHandles'>;
  customers: Pick<CustomersService, 'subjects'>;
}

export interface ReviewRequestProduct {
  productId: string;
  sku: string;
  title: string;
  review: Pick<Review, 'id' | 'rating' | 'status'> | null;
}

export interface ReviewRequest {
  order: { id: string; number: string; channelId: string; placedAt: Date };
  reviewerName: string;
  expiresAt: Date;
  products: ReviewRequestProduct[];
}

const LINK_INVALID = 'This review link is not valid or has expired';

/** "Eva M.": a first name and the family name's initial; never an email address or a full name. */
export function displayName(first: unknown, last: unknown): string | null {
  const clean = (v: unknown) =>
    typeof v === 'string' && !v.includes('@') ? v.trim().replace(/\s+/g, ' ') : '';
  const f = clean(first).split(' ')[0]?.slice(0, 40) ?? '';
  const l = clean(last);
  if (!f) return null;
  return l ? `${f} ${[...l][0]!.toUpperCase()}.` : f;
}

export function createReviewsFlow(deps: ReviewsFlowDeps) {
  async function orderOf(ctx: Ctx, token: string): Promise<{ order: Order; expiresAt: Date }> {
    const t = await deps.reviews.readLinkToken(ctx, token);
    const order = t && (await deps.orders.findOrder(ctx, t.orderId));
    if (!t || !order) throw new AppError('not_found', LINK_INVALID);
    return { order, expiresAt: t.expiresAt };
  }

  /** The order's products (one per product, whatever its variants), first line's title. */
  async function productsOf(ctx: Ctx, order: Order) {
    const skus = [...new Set(order.lines.map((l) => l.sku))];
    const variants = await deps.catalog.findVariantsBySkus(ctx, skus);
    const productOf = new Map(variants.map((v) => [v.sku, v.productId]));
    const byProduct = new Map<string, { productId: string; sku: string; title: string }>();
    for (const l of order.lines) {
      const productId = productOf.get(l.sku);
      if (productId && !byProduct.has(productId))
        byProduct.set(productId, { productId, sku: l.sku, title: l.title });
    }
    return [...byProduct.values()];
  }

  async function reviewerOf(ctx: Ctx, order: Order): Promise<string> {
    if (order.customerId) {
      const s = (await deps.customers.subjects(ctx, [order.customerId], { facts: true })).get(
        order.customerId,
      );
      const name = s && displayName(s.traits.firstName, s.traits.lastName);
      if (name) return name;
    }
    if (order.delivery.type === 'ship' && order.delivery.address.name) {
      const [first, ...rest] = order.delivery.address.name.trim().split(/\s+/);
      const name = displayName(first, rest.at(-1));
      if (name) return name;
    }
    return 'Verified buyer';
  }

  return {
    /** A signed review link token for the order (review-request messages). */
    linkToken: (ctx: Ctx, orderId: string) => deps.reviews.linkToken(ctx, orderId),

    async request(ctx: Ctx, token: string): Promise<ReviewRequest> {
      const { order, expiresAt } = await orderOf(ctx, token);
      const [products, done, reviewerName] = await Promise.all([
        productsOf(ctx, order),
        deps.reviews.ofOrder(ctx, order.id),
        reviewerOf(ctx, order),
      ]);
      const reviewOf = new Map(done.map((r) => [r.productId, r]));
      return {
        order: { id: order.id, number: order.number, channelId: order.channelId, placedAt: order.placedAt },
        reviewerName,
        expiresAt,
        products: products.map((p) => {
          const r = reviewOf.get(p.productId);
          return { ...p, review: r ? { id: r.id, rating: r.rating, status: r.status } : null };
        }),
      };
    },

    /**
     * `admit` runs once the link is proven and the product is the order's, before anything is written
     * (the route's per-product budget: a flood of forged links cannot use up a product's budget).
     */
    async submit(
      ctx: Ctx,
      token: string,
      input: ReviewText & { productId: string; locale: string },
      admit?: (productId: string) => void,
    ): Promise<Review> {
      const { order } = await orderOf(ctx, token);
      const product = (await productsOf(ctx, order)).find((p) => p.productId === input.productId);
      if (!product)
        throw validationError([
          { path: 'productId', message: 'is not a product of this order', code: 'not_in_order' },
        ]);
      admit?.(product.productId);
      return deps.reviews.submit(ctx, {
        ...input,
        orderId: order.id,
        sku: product.sku,
        productTitle: product.title,
        channelId: order.channelId,
        customerId: order.customerId,
        reviewerName: await reviewerOf(ctx, order),
      });
    },

    /** A product's published reviews from every channel; the product by id, handle or SKU. */
    async productReviews(
      ctx: Ctx,
      idOrSku: string,
      page: { limit: number; page: number },
    ): Promise<PublishedPage> {
      let productId: string | undefined = idOrSku.startsWith('prod_') ? idOrSku : undefined;
      productId ??= (await deps.catalog.findProductsByHandles(ctx, [idOrSku]))[0]?.id;
      productId ??= (await deps.catalog.findVariantsBySkus(ctx, [idOrSku]))[0]?.productId;
      if (!productId) throw notFound('product', idOrSku);
      return deps.reviews.published(ctx, productId, page);
    },
  };
}

export type ReviewsFlow = ReturnType<typeof createReviewsFlow>;
