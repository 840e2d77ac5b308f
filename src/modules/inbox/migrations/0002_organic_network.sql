ALTER TABLE "inbox_messages" ADD COLUMN "channel_account_id" text;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD COLUMN "template" jsonb;