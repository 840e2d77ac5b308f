CREATE TABLE "messaging_push_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_push_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"channel_id" text,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_push_subscriptions_endpoint_idx" ON "messaging_push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "messaging_push_subscriptions_customer_idx" ON "messaging_push_subscriptions" USING btree ("customer_id");