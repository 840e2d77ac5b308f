CREATE TABLE "storefront_keys" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
