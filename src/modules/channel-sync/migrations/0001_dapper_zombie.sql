CREATE TABLE "channel_sync_acks" (
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "channel_sync_acks_pk" ON "channel_sync_acks" USING btree ("connection_id","kind","key");