CREATE TABLE "customer_tags" (
	"profile_id" text NOT NULL,
	"tag" text NOT NULL,
	"channel_id" text,
	"actor" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_tags_profile_id_tag_pk" PRIMARY KEY("profile_id","tag")
);
--> statement-breakpoint
CREATE INDEX "customer_tags_tag_idx" ON "customer_tags" USING btree ("tag");