CREATE TABLE "inbox_team_members" (
	"team_id" text NOT NULL,
	"agent_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_conversations" ADD COLUMN "team_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_team_members_pk_idx" ON "inbox_team_members" USING btree ("team_id","agent_id");--> statement-breakpoint
CREATE INDEX "inbox_team_members_agent_idx" ON "inbox_team_members" USING btree ("agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_teams_name_idx" ON "inbox_teams" USING btree ("name");--> statement-breakpoint
CREATE INDEX "inbox_conversations_team_idx" ON "inbox_conversations" USING btree ("team_id","status","last_message_at","id");