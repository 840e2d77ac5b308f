CREATE TABLE "messaging_sends" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"run_id" text,
	"idem_key" text NOT NULL,
	"template_key" text NOT NULL,
	"formats" jsonb NOT NULL,
	"format" text,
	"purpose" text NOT NULL,
	"channel_id" text,
	"vars" jsonb NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messaging_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"brand" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"link_secret" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_suppressions" (
	"address_hash" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"format" text NOT NULL,
	"locale" text NOT NULL,
	"stage" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"cta" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_sends_idem_idx" ON "messaging_sends" USING btree ("idem_key");--> statement-breakpoint
CREATE INDEX "messaging_sends_due_idx" ON "messaging_sends" USING btree ("due_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "messaging_sends_customer_idx" ON "messaging_sends" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_templates_variant_idx" ON "messaging_templates" USING btree ("key","format","locale","stage");