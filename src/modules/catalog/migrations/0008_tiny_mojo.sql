CREATE TABLE "catalog_search_rows" (
	"channel_id" text NOT NULL,
	"product_id" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"titles" jsonb NOT NULL,
	"categories" text[] NOT NULL,
	"options" text[] NOT NULL,
	"prices" bigint[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_search_rows_channel_id_product_id_pk" PRIMARY KEY("channel_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_search_scopes" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"price_list_id" text,
	"currency" text NOT NULL,
	"locales" text[] NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalog_search_rows_search_idx" ON "catalog_search_rows" USING gin ("search");--> statement-breakpoint
CREATE INDEX "catalog_search_rows_product_idx" ON "catalog_search_rows" USING btree ("product_id");