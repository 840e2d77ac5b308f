ALTER TABLE "idempotency_keys" ADD COLUMN "request_ids" text[];--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "log_position" bigint;