CREATE TABLE "promotion_collections" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"skus" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promotion_campaigns" ADD COLUMN "schedule_state" text DEFAULT 'started' NOT NULL;--> statement-breakpoint
ALTER TABLE "promotion_redemptions" ADD COLUMN "order_total" integer;--> statement-breakpoint
CREATE INDEX "promotion_campaigns_schedule_idx" ON "promotion_campaigns" USING btree ("schedule_state");--> statement-breakpoint
UPDATE "promotion_campaigns" SET "schedule_state" = CASE WHEN "ends_at" <= now() THEN 'ended' WHEN "starts_at" > now() THEN 'pending' ELSE 'started' END;
