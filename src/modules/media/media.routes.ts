// HTTP routes of media: image sizes for anyone (public: product pictures are shown to everyone),
// and changing or removing an image (catalog editors). Adding images goes through flows/product-media,
// which checks the product and variant with the catalog.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../kernel/index.js';
import { publicRoute, secretKeys } from '../../platform/http/route-policy.js';
import type { MediaService } from './media.service.js';
import { MEDIA_FORMATS, type MediaFormat, MediaImage, MediaPatch } from './media.types.js';

const FILE = /^(\d{2,4})\.(avif|webp|jpeg)$/;
const ImageParams = z.object({ id: z.string().max(64) });

/** Image sizes at /media/<image id>/<width>.<avif|webp|jpeg>: the URL names one immutable file. */
export const mediaServeRoutes =
  (media: MediaService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/media/:id/:file',
      {
        config: { policy: publicRoute('product pictures are shown to every shopper and social channel') },
        schema: {
          tags: ['media'],
          summary: `One size of an image (${MEDIA_FORMATS.join(', ')}), cached for a year, with an ETag`,
          params: ImageParams.extend({ file: z.string().regex(FILE, '<width>.<avif|webp|jpeg>') }),
        },
      },
      async (request, reply) => {
        const [, w, f] = FILE.exec(request.params.file)!;
        const r = await media.rendition(request.ctx, request.params.id, Number(w), f as MediaFormat);
        if (!r) throw notFound('image size', `${request.params.id}/${request.params.file}`);
        reply.headers({
          'cache-control': 'public, max-age=31536000, immutable',
          etag: r.etag,
          'x-content-type-options': 'nosniff',
        });
        if (request.headers['if-none-match'] === r.etag) return reply.code(304).send();
        return reply.type(r.contentType).send(r.bytes);
      },
    );
  };

export const mediaApiRoutes =
  (media: MediaService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['media'];
    app.get(
      '/media/:id',
      {
        config: { policy: secretKeys('catalog:read', 'none') },
        schema: {
          tags,
          summary: 'An image: size, order, alt texts',
          params: ImageParams,
          response: { 200: MediaImage },
        },
      },
      async (request) => media.getImage(request.ctx, request.params.id),
    );
    app.patch(
      '/media/:id',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags,
          summary: "Change an image's alt texts (per locale), place in the order or variant",
          params: ImageParams,
          body: MediaPatch,
          response: { 200: MediaImage },
        },
      },
      async (request) => media.updateImage(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/media/:id',
      {
        config: { policy: secretKeys('catalog:write', 'unbound') },
        schema: {
          tags,
          summary: 'Remove an image and its sizes',
          params: ImageParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await media.removeImage(request.ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
