// Media: product and variant images. The row holds what the pages need (size, order, alt text per
// locale); the bytes live in a MediaStorage (disk under the data directory by default).
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const mediaImages = pgTable(
  'media_images',
  {
    id: text('id').primaryKey(),
    // The catalog product (and variant, when the image shows one) by id: media never reads the catalog.
    productId: text('product_id').notNull(),
    variantId: text('variant_id'),
    position: integer('position').notNull(),
    // The normalised master (EXIF and location stripped, at most 2048 px), from which sizes are made.
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    // Alt text per locale (`en`, `nl-NL` …); the page's language first, then `en`, then any.
    alt: jsonb('alt').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('media_images_product_idx').on(t.productId, t.position)],
);
