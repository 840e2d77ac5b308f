ALTER TABLE "events" DROP CONSTRAINT "events_position_unique";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "log_tx_id" bigint;