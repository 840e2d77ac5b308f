CREATE TABLE "carts" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"currency" text NOT NULL,
	"profile_id" text,
	"anonymous_id" text,
	"email" text,
	"phone" text,
	"status" text NOT NULL,
	"handoff_code" text NOT NULL,
	"lines" jsonb NOT NULL,
	"delivery" jsonb,
	"merged_into" text,
	"order_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "carts_handoff_code_idx" ON "carts" USING btree ("handoff_code") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "carts_profile_idx" ON "carts" USING btree ("profile_id","status");--> statement-breakpoint
CREATE INDEX "carts_anonymous_idx" ON "carts" USING btree ("anonymous_id","status");--> statement-breakpoint
CREATE INDEX "carts_email_idx" ON "carts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "carts_phone_idx" ON "carts" USING btree ("phone");