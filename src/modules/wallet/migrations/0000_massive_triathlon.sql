CREATE TABLE "wallet_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"profile_id" text,
	"code_hash" text,
	"code_hint" text,
	"currency" text,
	"balance" integer DEFAULT 0 NOT NULL,
	"lifetime" integer DEFAULT 0 NOT NULL,
	"tier" text,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone,
	"origin_order_id" text,
	"origin_channel_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wallet_accounts_balance_nonnegative" CHECK ("wallet_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "wallet_code_attempts" (
	"caller_key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"ref" text NOT NULL,
	"order_id" text,
	"channel_id" text,
	"money_amount" integer,
	"currency" text,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_accounts_code_idx" ON "wallet_accounts" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_accounts_points_idx" ON "wallet_accounts" USING btree ("profile_id") WHERE kind = 'points';--> statement-breakpoint
CREATE INDEX "wallet_accounts_profile_idx" ON "wallet_accounts" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_entries_ref_idx" ON "wallet_entries" USING btree ("account_id","ref");--> statement-breakpoint
CREATE INDEX "wallet_entries_account_idx" ON "wallet_entries" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "wallet_entries_order_idx" ON "wallet_entries" USING btree ("order_id");