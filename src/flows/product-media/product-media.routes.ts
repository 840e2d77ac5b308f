// Pictures of a product: upload one (the raw image as the body, JPEG/PNG/WebP/AVIF/GIF) for the
// product or one of its variants, and list them in order. The catalog says whether the product and
// variant exist; media keeps the picture.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import { MediaImage, type MediaService, UPLOAD_TYPES } from '../../modules/media/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';

export interface ProductMediaDeps {
  catalog: CatalogService;
  media: MediaService;
  /** Largest accepted upload in bytes (default 15 MB). */
  maxUploadBytes?: number;
}

const Params = z.object({ id: z.string().max(200).describe('product id or handle') });

export const productMediaRoutes =
  (deps: ProductMediaDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['media'];
    const bodyLimit = deps.maxUploadBytes ?? 15 * 1024 * 1024;
    app.addContentTypeParser([...UPLOAD_TYPES], { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
      done(null, body),
    );
    app.post(
      '/catalog/products/:id/media',
      {
        bodyLimit,
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags,
          summary: 'Add a picture to a product or one of its variants (the raw image is the body)',
          params: Params,
          querystring: z.strictObject({
            variant: z.string().max(200).optional().describe('SKU or variant id the picture shows'),
            alt: z.string().max(300).optional().describe('alt text in `locale`'),
            locale: z
              .string()
              .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
              .default('en'),
          }),
          response: { 201: MediaImage },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError(
            'unsupported_media_type',
            `Send the image as the body: ${UPLOAD_TYPES.join(', ')}`,
          );
        }
        const product = await deps.catalog.getProduct(request.ctx, request.params.id);
        const { variant, alt, locale } = request.query;
        let variantId: string | null = null;
        if (variant) {
          const found = product.variants.find((v) => v.sku === variant || v.id === variant);
          if (!found)
            throw new AppError('validation_failed', `The product has no variant ${variant}`, {
              issues: [{ path: 'querystring.variant', message: 'not a variant of this product' }],
            });
          variantId = found.id;
        }
        const image = await deps.media.addImage(request.ctx, {
          productId: product.id,
          variantId,
          bytes: body,
          ...(alt ? { alt: { [locale]: alt } } : {}),
        });
        return reply.code(201).send(image);
      },
    );
    app.get(
      '/catalog/products/:id/media',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags,
          summary: "A product's pictures in order",
          params: Params,
          response: { 200: z.object({ items: z.array(MediaImage) }) },
        },
      },
      async (request) => {
        const product = await deps.catalog.getProduct(request.ctx, request.params.id);
        return { items: await deps.media.listImages(request.ctx, product.id) };
      },
    );
  };
