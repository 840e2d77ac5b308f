CREATE TABLE "inbox_channel_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"external_account_id" text NOT NULL,
	"settings" jsonb NOT NULL,
	"credentials" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_channel_accounts_external_idx" ON "inbox_channel_accounts" USING btree ("kind","external_account_id");