// SQL for media images.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { mediaImages } from './media.schema.js';

export type ImageRow = SqlRow<typeof mediaImages>;

export interface NewImageRow {
  id: string;
  productId: string;
  variantId: string | null;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  storageKey: string;
  alt: Record<string, string>;
  at: string;
}

/** Appends after the product's last image, in the same statement (no read-then-write race on order). */
export async function insertImage(exec: Executor, r: NewImageRow): Promise<ImageRow> {
  const row = await firstRow<ImageRow>(
    exec,
    sql`insert into media_images (id, product_id, variant_id, position, content_type, width, height, bytes,
                                  sha256, storage_key, alt, created_at, updated_at)
        select ${r.id}, ${r.productId}, ${r.variantId},
               coalesce((select max(position) + 1 from media_images where product_id = ${r.productId}), 0),
               ${r.contentType}, ${r.width}, ${r.height}, ${r.bytes}, ${r.sha256}, ${r.storageKey},
               ${JSON.stringify(r.alt)}::jsonb, ${r.at}::timestamptz, ${r.at}::timestamptz
        returning *`,
  );
  return row!;
}

export function selectImagesOf(exec: Executor, productIds: string[]): Promise<ImageRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return rows<ImageRow>(
    exec,
    sql`select * from media_images where product_id = any(${sql.param(productIds)}::text[])
        order by product_id, position, id`,
  );
}

export function selectImage(exec: Executor, id: string): Promise<ImageRow | undefined> {
  return firstRow<ImageRow>(exec, sql`select * from media_images where id = ${id}`);
}

export function updateImageRow(
  exec: Executor,
  id: string,
  patch: { alt?: Record<string, string>; position?: number; variantId?: string | null; at: string },
): Promise<ImageRow | undefined> {
  return firstRow<ImageRow>(
    exec,
    sql`update media_images set
          alt = coalesce(${patch.alt === undefined ? null : JSON.stringify(patch.alt)}::jsonb, alt),
          position = coalesce(${patch.position ?? null}::int, position),
          variant_id = case when ${patch.variantId !== undefined} then ${patch.variantId ?? null} else variant_id end,
          updated_at = ${patch.at}::timestamptz
        where id = ${id} returning *`,
  );
}

export function deleteImageRow(exec: Executor, id: string): Promise<ImageRow | undefined> {
  return firstRow<ImageRow>(exec, sql`delete from media_images where id = ${id} returning *`);
}
