// The shapes media shows over HTTP and to the flows that compose it.
import { z } from 'zod';

/** Rendition widths in pixels (never wider than the master) and formats, best first. */
export const MEDIA_WIDTHS = [160, 320, 640, 1024, 1600] as const;
export const MEDIA_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** What a client may upload (the master is re-encoded, so nothing of the file is served as it came). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const;

export const AltTexts = z
  .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as en or nl-NL'), z.string().max(300))
  .refine((r) => Object.keys(r).length <= 20, 'at most 20 locales');

export const MediaImage = z.object({
  id: z.string(),
  productId: z.string(),
  variantId: z.string().nullable(),
  position: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type MediaImage = z.infer<typeof MediaImage>;

/** An image as a page shows it: one src (JPEG), a srcset per format, and the alt in the page's locale. */
export const ImageView = z.object({
  id: z.string(),
  variantId: z.string().nullable(),
  src: z.string(),
  srcset: z.object({ avif: z.string(), webp: z.string(), jpeg: z.string() }),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string(),
});
export type ImageView = z.infer<typeof ImageView>;

export const MediaPatch = z
  .strictObject({
    alt: AltTexts,
    position: z.number().int().min(0).max(1000),
    variantId: z.string().max(64).nullable(),
  })
  .partial();
export type MediaPatch = z.infer<typeof MediaPatch>;
