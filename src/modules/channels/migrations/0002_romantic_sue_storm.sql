ALTER TABLE "channels" ADD COLUMN "payment_providers" text[] DEFAULT '{"manual"}' NOT NULL;--> statement-breakpoint
-- Channels made before this column accepted every provider: keep that; the hub's enabled list
-- (OMNIHUB_PAYMENT_PROVIDERS) now decides whether test and external can be used at all.
UPDATE "channels" SET "payment_providers" = '{"manual","test","external"}';
