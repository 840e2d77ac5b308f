ALTER TABLE "messaging_sends" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "messaging_sends" ADD COLUMN "delivery_status" text;--> statement-breakpoint
CREATE INDEX "messaging_sends_provider_idx" ON "messaging_sends" USING btree ("provider_message_id") WHERE provider_message_id is not null;