CREATE TABLE "cdp_audience_members" (
	"audience_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cdp_audience_members_audience_id_customer_id_pk" PRIMARY KEY("audience_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "cdp_audiences" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"rule" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cdp_audiences_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "cdp_computed_traits" (
	"id" text PRIMARY KEY NOT NULL,
	"trait_key" text NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cdp_computed_traits_trait_key_unique" UNIQUE("trait_key")
);
--> statement-breakpoint
CREATE TABLE "cdp_destinations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"kinds" text[] NOT NULL,
	"filter" text,
	"mapping" text,
	"purpose" text,
	"status" text NOT NULL,
	"forwarded" integer DEFAULT 0 NOT NULL,
	"filtered" integer DEFAULT 0 NOT NULL,
	"suppressed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_profile_events" (
	"profile_id" text NOT NULL,
	"message_id" text NOT NULL,
	"event_name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"properties" jsonb NOT NULL,
	CONSTRAINT "cdp_profile_events_profile_id_message_id_pk" PRIMARY KEY("profile_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "cdp_tracking_plans" (
	"event_name" text PRIMARY KEY NOT NULL,
	"schema" jsonb NOT NULL,
	"block" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdp_tracking_violations" (
	"event_name" text PRIMARY KEY NOT NULL,
	"violations" integer NOT NULL,
	"blocked" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"example" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cdp_audience_members_customer_idx" ON "cdp_audience_members" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "cdp_profile_events_name_idx" ON "cdp_profile_events" USING btree ("profile_id","event_name","occurred_at");