CREATE TABLE "catalog_channel_prices" (
	"channel_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_channel_prices_channel_id_variant_id_pk" PRIMARY KEY("channel_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_listings" (
	"channel_id" text NOT NULL,
	"product_id" text NOT NULL,
	"published" boolean NOT NULL,
	"title" text,
	"description" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_listings_channel_id_product_id_pk" PRIMARY KEY("channel_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_price_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_price_lists_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "catalog_prices" (
	"price_list_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_prices_price_list_id_variant_id_pk" PRIMARY KEY("price_list_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_product_texts" (
	"product_id" text NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "catalog_product_texts_product_id_locale_pk" PRIMARY KEY("product_id","locale")
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"id" text PRIMARY KEY NOT NULL,
	"handle" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"default_locale" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"media" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_products_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "catalog_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"sku" text NOT NULL,
	"gtin" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_variants_sku_unique" UNIQUE("sku")
);
--> statement-breakpoint
CREATE INDEX "catalog_listings_product_idx" ON "catalog_listings" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "catalog_products_categories_idx" ON "catalog_products" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "catalog_variants_product_idx" ON "catalog_variants" USING btree ("product_id","position");