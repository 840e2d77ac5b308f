CREATE TABLE "channel_sync_audits" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"audited_at" timestamp with time zone,
	"status" text,
	"skus" integer DEFAULT 0 NOT NULL,
	"drift" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"drift_by_sync" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"remote" text,
	"remote_error" text,
	"lag_seconds" real DEFAULT 0 NOT NULL,
	"dead_lettered" integer DEFAULT 0 NOT NULL,
	"sample" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "channel_sync_audits_channel" ON "channel_sync_audits" USING btree ("channel_id");