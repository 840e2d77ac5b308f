DROP INDEX "back_in_stock_one_active_idx";--> statement-breakpoint
ALTER TABLE "back_in_stock_subscriptions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "back_in_stock_subscriptions" ADD COLUMN "confirmation_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "back_in_stock_subscriptions" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "back_in_stock_one_live_idx" ON "back_in_stock_subscriptions" USING btree ("customer_id","sku","channel_id") WHERE status in ('active', 'pending_confirmation');--> statement-breakpoint
CREATE INDEX "back_in_stock_customer_idx" ON "back_in_stock_subscriptions" USING btree ("customer_id");