CREATE TABLE "promotion_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"priority" integer NOT NULL,
	"stacking" text NOT NULL,
	"currency" text,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"conditions" jsonb NOT NULL,
	"benefit" jsonb NOT NULL,
	"usage_limit" integer,
	"per_customer_limit" integer,
	"used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_cart_codes" (
	"cart_id" text NOT NULL,
	"code" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_cart_codes_cart_id_code_pk" PRIMARY KEY("cart_id","code")
);
--> statement-breakpoint
CREATE TABLE "promotion_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"usage_limit" integer,
	"used" integer DEFAULT 0 NOT NULL,
	"batch_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_customer_uses" (
	"campaign_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "promotion_customer_uses_campaign_id_customer_id_pk" PRIMARY KEY("campaign_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "promotion_redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"code" text,
	"order_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"customer_id" text,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "promotion_redemptions_order_campaign" UNIQUE("order_id","campaign_id")
);
--> statement-breakpoint
CREATE INDEX "promotion_campaigns_status_idx" ON "promotion_campaigns" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "promotion_codes_campaign_idx" ON "promotion_codes" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE INDEX "promotion_redemptions_customer_idx" ON "promotion_redemptions" USING btree ("customer_id","campaign_id");--> statement-breakpoint
CREATE INDEX "promotion_redemptions_campaign_idx" ON "promotion_redemptions" USING btree ("campaign_id","created_at");