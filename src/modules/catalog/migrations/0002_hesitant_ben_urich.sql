CREATE TABLE "catalog_channel_favourites" (
	"channel_id" text NOT NULL,
	"sku" text NOT NULL,
	"position" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_channel_favourites_channel_id_sku_pk" PRIMARY KEY("channel_id","sku")
);
--> statement-breakpoint
CREATE INDEX "catalog_variants_gtin14_idx" ON "catalog_variants" USING btree (lpad("gtin", 14, '0'));