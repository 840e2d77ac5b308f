CREATE TABLE "customer_regulations" (
	"id" text PRIMARY KEY NOT NULL,
	"regulation_type" text NOT NULL,
	"subject_kind" text NOT NULL,
	"identifier_type" text,
	"customer_id" text,
	"identifiers" integer NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_regulations_created_idx" ON "customer_regulations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "customer_regulations_customer_idx" ON "customer_regulations" USING btree ("customer_id");