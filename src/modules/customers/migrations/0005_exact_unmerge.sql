ALTER TABLE "customer_merges" ADD COLUMN "linked_profile_ids" text[];--> statement-breakpoint
ALTER TABLE "customer_tags" ADD COLUMN "removed_at" timestamp with time zone;