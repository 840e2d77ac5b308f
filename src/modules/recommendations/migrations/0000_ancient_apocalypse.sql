CREATE TABLE "recommendation_basket_items" (
	"basket" text NOT NULL,
	"product_id" text NOT NULL,
	"kind" text NOT NULL,
	"customer_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "recommendation_basket_items_basket_product_id_pk" PRIMARY KEY("basket","product_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_pairs" (
	"product_id" text NOT NULL,
	"other_id" text NOT NULL,
	"bought" integer DEFAULT 0 NOT NULL,
	"viewed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "recommendation_pairs_product_id_other_id_pk" PRIMARY KEY("product_id","other_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_sales" (
	"channel_id" text NOT NULL,
	"product_id" text NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "recommendation_sales_channel_id_product_id_pk" PRIMARY KEY("channel_id","product_id")
);
--> statement-breakpoint
CREATE INDEX "recommendation_basket_items_customer_idx" ON "recommendation_basket_items" USING btree ("customer_id","at");