// Media rules: add an image to a product (or one of its variants), give it alt texts per locale, put
// it in order, remove it; serve its sizes. Sizes are made on first request and kept in storage and
// in a bounded memory cache, so a popular picture costs one map lookup per request.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { MEDIA_EVENTS } from './media.events.js';
import { FORMAT_TYPES, type Master, makeMaster, renderSize } from './media.images.js';
import {
  deleteImageRow,
  type ImageRow,
  insertImage,
  selectImage,
  selectImagesOf,
  updateImageRow,
} from './media.repository.js';
import type { MediaStorage } from './media.storage.js';
import {
  type ImageView,
  MEDIA_FORMATS,
  MEDIA_WIDTHS,
  type MediaFormat,
  type MediaImage,
  type MediaPatch,
} from './media.types.js';

export interface MediaDeps {
  storage: MediaStorage;
  /** Bytes of made sizes kept in memory (default 64 MB). */
  cacheBytes?: number;
}

export interface Rendition {
  bytes: Buffer;
  contentType: string;
  etag: string;
}

const toImage = (r: ImageRow): MediaImage => ({
  id: r.id,
  productId: r.product_id,
  variantId: r.variant_id,
  position: r.position,
  width: r.width,
  height: r.height,
  alt: r.alt,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The alt text in `locale`, else its language, else English, else any. */
export function altIn(alt: Record<string, string>, locale: string | undefined): string {
  const lang = locale?.split('-')[0];
  const byLang = lang ? Object.entries(alt).find(([l]) => l.split('-')[0] === lang)?.[1] : undefined;
  return (locale && alt[locale]) || byLang || alt.en || Object.values(alt)[0] || '';
}

/** The widths a master offers: the standard ones it covers, or its own width when smaller. */
export function widthsOf(masterWidth: number): number[] {
  const fit = MEDIA_WIDTHS.filter((w) => w <= masterWidth);
  return fit.length ? fit : [MEDIA_WIDTHS[0]];
}

export function viewOf(
  img: Pick<MediaImage, 'id' | 'variantId' | 'width' | 'height' | 'alt'>,
  locale?: string,
): ImageView {
  const widths = widthsOf(img.width);
  const set = (f: MediaFormat) =>
    widths.map((w) => `/media/${img.id}/${w}.${f} ${Math.min(w, img.width)}w`).join(', ');
  const src = widths.includes(640) ? 640 : widths.at(-1)!;
  return {
    id: img.id,
    variantId: img.variantId,
    src: `/media/${img.id}/${src}.jpeg`,
    srcset: { avif: set('avif'), webp: set('webp'), jpeg: set('jpeg') },
    width: img.width,
    height: img.height,
    alt: altIn(img.alt, locale),
  };
}

export function createMediaService(deps: MediaDeps) {
  const { storage } = deps;
  const sizes = new LRUCache<string, Rendition>({
    maxSize: deps.cacheBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (r) => r.bytes.length + 200,
  });
  /** Masters' facts for serving (an image's file never changes: a new picture is a new id). */
  // maxSize, not max: lru-cache would allocate arrays for all 20,000 entries at start.
  const masters = new LRUCache<string, Pick<ImageRow, 'storage_key' | 'sha256' | 'width'>>({
    maxSize: 20_000,
    sizeCalculation: () => 1,
  });
  const making = new Map<string, Promise<Rendition | null>>();

  async function add(
    ctx: Ctx,
    input: { productId: string; variantId: string | null; master: Master; alt?: Record<string, string> },
  ): Promise<MediaImage> {
    const id = newId('img');
    const storageKey = `images/${id}`;
    const { master } = input;
    // Bytes first: a failed insert leaves an unreferenced file, never a row without its file.
    await storage.put(storageKey, master.bytes);
    const row = await inTransaction(ctx, async (tx) => {
      const r = await insertImage(tx.db, {
        id,
        productId: input.productId,
        variantId: input.variantId,
        contentType: master.contentType,
        width: master.width,
        height: master.height,
        bytes: master.bytes.length,
        sha256: createHash('sha256').update(master.bytes).digest('hex'),
        storageKey,
        alt: input.alt ?? {},
        at: ctx.clock.now().toISOString(),
      });
      await appendEvent(tx, {
        type: MEDIA_EVENTS.imageAdded,
        subject: r.product_id,
        channelId: null,
        payload: {
          imageId: id,
          productId: r.product_id,
          variantId: r.variant_id,
          position: r.position,
          width: r.width,
          height: r.height,
        },
      });
      return r;
    });
    return toImage(row);
  }

  async function rendition(
    ctx: Ctx,
    id: string,
    width: number,
    format: MediaFormat,
  ): Promise<Rendition | null> {
    const key = `${id}/${width}.${format}`;
    const hit = sizes.get(key);
    if (hit) return hit;
    let pending = making.get(key);
    if (!pending) {
      pending = makeRendition(ctx, id, width, format).finally(() => making.delete(key));
      making.set(key, pending);
    }
    return pending;
  }

  async function makeRendition(ctx: Ctx, id: string, width: number, format: MediaFormat) {
    let m = masters.get(id);
    if (!m) {
      const row = await selectImage(ctx.db, id);
      if (!row) return null;
      m = { storage_key: row.storage_key, sha256: row.sha256, width: row.width };
      masters.set(id, m);
    }
    if (!widthsOf(m.width).includes(width)) return null;
    const sizeKey = `${m.storage_key}.sizes/${width}.${format}`;
    let bytes = await storage.get(sizeKey);
    if (!bytes) {
      const master = await storage.get(m.storage_key);
      if (!master) return null;
      bytes = await renderSize(master, width, format);
      await storage.put(sizeKey, bytes);
    }
    const r: Rendition = {
      bytes,
      contentType: FORMAT_TYPES[format],
      etag: `"${m.sha256.slice(0, 20)}-${width}-${format}"`,
    };
    sizes.set(`${id}/${width}.${format}`, r);
    return r;
  }

  return {
    /** A client's upload: re-encoded to a clean master first (refused with 400 when not an image). */
    async addImage(
      ctx: Ctx,
      input: { productId: string; variantId: string | null; bytes: Buffer; alt?: Record<string, string> },
    ) {
      return add(ctx, { ...input, master: await makeMaster(input.bytes) });
    },
    /** A master the hub made itself (the demo's drawings). */
    addMaster: add,

    async listImages(ctx: Ctx, productId: string): Promise<MediaImage[]> {
      return (await selectImagesOf(ctx.db, [productId])).map(toImage);
    },

    async getImage(ctx: Ctx, id: string): Promise<MediaImage> {
      const row = await selectImage(ctx.db, id);
      if (!row) throw notFound('image', id);
      return toImage(row);
    },

    /** The pictures of these products as a page in `locale` shows them, in order. */
    async imagesOf(ctx: Ctx, productIds: string[], locale?: string): Promise<Map<string, ImageView[]>> {
      const out = new Map<string, ImageView[]>();
      for (const r of await selectImagesOf(ctx.db, productIds)) {
        const list = out.get(r.product_id) ?? [];
        list.push(viewOf(toImage(r), locale));
        out.set(r.product_id, list);
      }
      return out;
    },

    async updateImage(ctx: Ctx, id: string, patch: MediaPatch): Promise<MediaImage> {
      return inTransaction(ctx, async (tx) => {
        const r = await updateImageRow(tx.db, id, { ...patch, at: ctx.clock.now().toISOString() });
        if (!r) throw notFound('image', id);
        await appendEvent(tx, {
          type: MEDIA_EVENTS.imageChanged,
          subject: r.product_id,
          channelId: null,
          payload: {
            imageId: id,
            productId: r.product_id,
            variantId: r.variant_id,
            position: r.position,
            altLocales: Object.keys(r.alt),
          },
        });
        return toImage(r);
      });
    },

    async removeImage(ctx: Ctx, id: string): Promise<void> {
      const r = await inTransaction(ctx, async (tx) => {
        const row = await deleteImageRow(tx.db, id);
        if (!row) throw notFound('image', id);
        await appendEvent(tx, {
          type: MEDIA_EVENTS.imageRemoved,
          subject: row.product_id,
          channelId: null,
          payload: { imageId: id, productId: row.product_id },
        });
        return row;
      });
      masters.delete(id);
      for (const w of MEDIA_WIDTHS) for (const f of MEDIA_FORMATS) sizes.delete(`${id}/${w}.${f}`);
      await storage.remove(r.storage_key);
    },

    rendition,
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
