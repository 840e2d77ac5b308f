CREATE TABLE "catalog_import_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"source" text,
	"status" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"bytes_total" bigint,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"actor" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog_import_rejections" (
	"job_id" text NOT NULL,
	"line" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"row" jsonb,
	CONSTRAINT "catalog_import_rejections_job_id_line_pk" PRIMARY KEY("job_id","line")
);
