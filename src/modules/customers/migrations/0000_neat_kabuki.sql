CREATE TABLE "customer_consents" (
	"profile_id" text NOT NULL,
	"purpose" text NOT NULL,
	"channel_scope" text NOT NULL,
	"status" text NOT NULL,
	"source_channel_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_consents_profile_id_purpose_channel_scope_pk" PRIMARY KEY("profile_id","purpose","channel_scope")
);
--> statement-breakpoint
CREATE TABLE "customer_erased_identifiers" (
	"hash" text PRIMARY KEY NOT NULL,
	"erased_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_events" (
	"id" text PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"message_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"channel_id" text,
	"kind" text NOT NULL,
	"name" text,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"anonymous_id" text,
	"user_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_identifiers" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"profile_id" text NOT NULL,
	"trust" text NOT NULL,
	"channel_id" text,
	"first_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_identity_log" (
	"id" text PRIMARY KEY NOT NULL,
	"profile_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_merge_blocks" (
	"profile_a" text NOT NULL,
	"profile_b" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_merge_blocks_profile_a_profile_b_pk" PRIMARY KEY("profile_a","profile_b")
);
--> statement-breakpoint
CREATE TABLE "customer_merge_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"profile_ids" text[] NOT NULL,
	"pair_key" text NOT NULL,
	"rule" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"merge_id" text,
	"decided_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_merges" (
	"id" text PRIMARY KEY NOT NULL,
	"winner_id" text NOT NULL,
	"loser_id" text NOT NULL,
	"moved_profile_ids" text[] NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"merged_into" text,
	"status" text DEFAULT 'active' NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channel_stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"order_count" integer DEFAULT 0 NOT NULL,
	"lifetime_value" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_order_at" timestamp with time zone,
	"last_cart_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"stage" text DEFAULT 'visitor' NOT NULL,
	"stage_changed_at" timestamp with time zone,
	"created_channel_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_shared_devices" (
	"value" text PRIMARY KEY NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_sources" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"shared_devices" text DEFAULT 'no' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "customer_sources_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_events_message_idx" ON "customer_events" USING btree ("source_id","message_id");--> statement-breakpoint
CREATE INDEX "customer_events_timeline_idx" ON "customer_events" USING btree ("profile_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "customer_identifiers_type_value_idx" ON "customer_identifiers" USING btree ("type","value");--> statement-breakpoint
CREATE INDEX "customer_identifiers_profile_idx" ON "customer_identifiers" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "customer_identity_log_profile_idx" ON "customer_identity_log" USING btree ("profile_id","at");--> statement-breakpoint
CREATE INDEX "customer_merge_blocks_b_idx" ON "customer_merge_blocks" USING btree ("profile_b");--> statement-breakpoint
CREATE INDEX "customer_merge_reviews_status_idx" ON "customer_merge_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_merge_reviews_open_pair_idx" ON "customer_merge_reviews" USING btree ("pair_key") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "customer_merges_winner_idx" ON "customer_merges" USING btree ("winner_id");--> statement-breakpoint
CREATE INDEX "customer_merges_loser_idx" ON "customer_merges" USING btree ("loser_id");--> statement-breakpoint
CREATE INDEX "customer_profiles_merged_into_idx" ON "customer_profiles" USING btree ("merged_into") WHERE merged_into is not null;--> statement-breakpoint
CREATE INDEX "customer_profiles_stage_idx" ON "customer_profiles" USING btree ("stage");