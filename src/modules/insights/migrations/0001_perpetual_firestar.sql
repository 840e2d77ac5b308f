CREATE TABLE "insights_attribution_daily" (
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"model" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"currency" text NOT NULL,
	"credited" bigint DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_attribution_daily_day_channel_id_model_dim_key_currency_pk" PRIMARY KEY("day","channel_id","model","dim","key","currency")
);
--> statement-breakpoint
CREATE TABLE "insights_cohorts" (
	"cohort_month" date NOT NULL,
	"month" date NOT NULL,
	"first_channel" text NOT NULL,
	"currency" text NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_cohorts_cohort_month_month_first_channel_currency_pk" PRIMARY KEY("cohort_month","month","first_channel","currency")
);
--> statement-breakpoint
CREATE TABLE "insights_conversations" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "insights_customer_months" (
	"customer_id" text NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "insights_customer_months_customer_id_month_currency_pk" PRIMARY KEY("customer_id","month","currency")
);
--> statement-breakpoint
CREATE TABLE "insights_customers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"cohort_month" date NOT NULL,
	"first_channel" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_funnel" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"reached" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"channels" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_paths_daily" (
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"path" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"gap1" bigint DEFAULT 0 NOT NULL,
	"gap2" bigint DEFAULT 0 NOT NULL,
	"gap3" bigint DEFAULT 0 NOT NULL,
	"gap4" bigint DEFAULT 0 NOT NULL,
	"gap5" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_paths_daily_day_channel_id_path_pk" PRIMARY KEY("day","channel_id","path")
);
--> statement-breakpoint
CREATE TABLE "insights_response_daily" (
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_response_daily_day_channel_pk" PRIMARY KEY("day","channel")
);
--> statement-breakpoint
ALTER TABLE "insights_orders" ADD COLUMN "credit" jsonb;