ALTER TABLE "catalog_channel_prices" ADD COLUMN "compare_at_amount" bigint;--> statement-breakpoint
ALTER TABLE "catalog_prices" ADD COLUMN "compare_at_amount" bigint;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "vendor" text;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;