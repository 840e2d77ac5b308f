ALTER TABLE "webhook_endpoints" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "include_consent" boolean DEFAULT false NOT NULL;