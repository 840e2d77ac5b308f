CREATE TABLE "back_in_stock_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"sku" text NOT NULL,
	"channel_id" text NOT NULL,
	"status" text NOT NULL,
	"vars" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "journey_sweeps" (
	"name" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_owner" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "back_in_stock_one_active_idx" ON "back_in_stock_subscriptions" USING btree ("customer_id","sku","channel_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "back_in_stock_sku_idx" ON "back_in_stock_subscriptions" USING btree ("sku") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "journey_runs_key_idx" ON "journey_runs" USING btree ("journey","run_key");