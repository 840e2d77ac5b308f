ALTER TABLE "catalog_variants" ADD COLUMN "stock_policy" text DEFAULT 'deny' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_variants" ADD COLUMN "available_from" text;--> statement-breakpoint
ALTER TABLE "catalog_variants" ADD COLUMN "backorder_limit" integer;--> statement-breakpoint
ALTER TABLE "catalog_variants" ADD CONSTRAINT "catalog_variants_stock_policy" CHECK ("catalog_variants"."stock_policy" in ('deny', 'backorder', 'preorder'));