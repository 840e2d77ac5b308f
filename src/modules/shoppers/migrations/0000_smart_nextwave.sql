CREATE TABLE "shopper_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"profile_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shopper_sign_in_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"email_hash" text NOT NULL,
	"channel_id" text NOT NULL,
	"code_salt" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"sends_in_window" integer DEFAULT 1 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "shopper_sessions_secret_idx" ON "shopper_sessions" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "shopper_sessions_profile_idx" ON "shopper_sessions" USING btree ("profile_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "shopper_sign_in_codes_email_channel_idx" ON "shopper_sign_in_codes" USING btree ("email_hash","channel_id");