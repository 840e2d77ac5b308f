CREATE TABLE "insights_cart_channels" (
	"cart_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"customer_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "insights_cart_channels_cart_id_channel_id_pk" PRIMARY KEY("cart_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "insights_daily" (
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"currency" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"returns" integer DEFAULT 0 NOT NULL,
	"new_customers" integer DEFAULT 0 NOT NULL,
	"returning_customers" integer DEFAULT 0 NOT NULL,
	"pickup_orders" integer DEFAULT 0 NOT NULL,
	"picked_up" integer DEFAULT 0 NOT NULL,
	"pickup_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_daily_day_channel_id_currency_pk" PRIMARY KEY("day","channel_id","currency")
);
--> statement-breakpoint
CREATE TABLE "insights_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"customer_id" text,
	"channel_id" text NOT NULL,
	"currency" text NOT NULL,
	"revenue" bigint NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"returned" boolean DEFAULT false NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"first_order" boolean DEFAULT false NOT NULL,
	"delivery" text NOT NULL,
	"pickup_location_id" text,
	"ready_at" timestamp with time zone,
	"picked_up_at" timestamp with time zone,
	"placed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_touchpoints" (
	"key" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"medium" text,
	"campaign" text,
	"order_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "insights_cart_channels_at_idx" ON "insights_cart_channels" USING btree ("at");--> statement-breakpoint
CREATE INDEX "insights_orders_placed_idx" ON "insights_orders" USING btree ("placed_at");--> statement-breakpoint
CREATE INDEX "insights_orders_customer_idx" ON "insights_orders" USING btree ("customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "insights_touchpoints_customer_idx" ON "insights_touchpoints" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "insights_touchpoints_at_idx" ON "insights_touchpoints" USING btree ("at");