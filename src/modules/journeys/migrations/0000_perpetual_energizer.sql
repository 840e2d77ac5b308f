CREATE TABLE "journey_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"journey" text NOT NULL,
	"customer_id" text NOT NULL,
	"run_key" text NOT NULL,
	"ref" text NOT NULL,
	"channel_id" text,
	"step" integer NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"exit_reason" text,
	"vars" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"delay_seconds" integer NOT NULL,
	"channel_order" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "journey_runs_one_active_idx" ON "journey_runs" USING btree ("journey","run_key") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "journey_runs_due_idx" ON "journey_runs" USING btree ("due_at") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "journey_runs_customer_idx" ON "journey_runs" USING btree ("customer_id");