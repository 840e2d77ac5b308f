DROP INDEX "catalog_products_handle_trgm_idx";--> statement-breakpoint
DROP INDEX "catalog_variants_sku_trgm_idx";--> statement-breakpoint
CREATE INDEX "catalog_products_handle_lower_trgm_idx" ON "catalog_products" USING gin (lower("handle") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_variants_sku_lower_trgm_idx" ON "catalog_variants" USING gin (lower("sku") gin_trgm_ops);