CREATE TABLE "customer_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_erased_identifiers" ADD COLUMN "kind" text DEFAULT 'erased' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_erased_identifiers" ADD COLUMN "salted" boolean DEFAULT false NOT NULL;