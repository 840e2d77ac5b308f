CREATE TABLE "webhook_endpoint_stats" (
	"endpoint_id" text NOT NULL,
	"shard" integer NOT NULL,
	"delivered_count" bigint DEFAULT 0 NOT NULL,
	"failed_count" bigint DEFAULT 0 NOT NULL,
	"last_delivered_at" timestamp with time zone,
	"last_delivered_event_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_endpoint_stats_uq" ON "webhook_endpoint_stats" USING btree ("endpoint_id","shard");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_queued_idx" ON "webhook_deliveries" USING btree ("endpoint_id","subject","seq") WHERE status = 'queued';--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "delivered_count";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "failed_count";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "last_delivered_at";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "last_delivered_event_at";