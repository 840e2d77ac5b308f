CREATE TABLE "channel_sync_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"base_url" text NOT NULL,
	"credentials" jsonb NOT NULL,
	"push" text[] NOT NULL,
	"batch_size" integer NOT NULL,
	"rate_per_second" real NOT NULL,
	"burst" integer NOT NULL,
	"transform" text,
	"status" text DEFAULT 'active' NOT NULL,
	"paused_until" timestamp with time zone,
	"last_error" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"pushed_count" bigint DEFAULT 0 NOT NULL,
	"failed_count" bigint DEFAULT 0 NOT NULL,
	"request_count" bigint DEFAULT 0 NOT NULL,
	"last_pushed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_sync_items" (
	"id" text PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"enqueued_at" timestamp with time zone NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_sync_refs" (
	"connection_id" text NOT NULL,
	"sku" text NOT NULL,
	"external_id" text NOT NULL,
	"external_kind" text DEFAULT 'product' NOT NULL,
	"parent_id" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "channel_sync_connections_channel" ON "channel_sync_connections" USING btree ("channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_sync_items_key" ON "channel_sync_items" USING btree ("connection_id","kind","key");--> statement-breakpoint
CREATE INDEX "channel_sync_items_due" ON "channel_sync_items" USING btree ("connection_id","status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_sync_refs_pk" ON "channel_sync_refs" USING btree ("connection_id","sku");