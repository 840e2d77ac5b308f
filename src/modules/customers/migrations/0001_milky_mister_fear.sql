DROP INDEX "customer_events_timeline_idx";--> statement-breakpoint
CREATE INDEX "customer_events_timeline_idx" ON "customer_events" USING btree ("profile_id","occurred_at","id");