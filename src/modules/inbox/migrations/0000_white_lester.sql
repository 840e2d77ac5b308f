CREATE TABLE "inbox_agents" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"available" boolean NOT NULL,
	"last_assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_canned_replies" (
	"id" text PRIMARY KEY NOT NULL,
	"shortcut" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_chat_visitors" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"customer_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text,
	"status" text NOT NULL,
	"assignee_id" text,
	"subject" text,
	"channel_kinds" text[] NOT NULL,
	"last_inbound_channel" text,
	"tags" text[] NOT NULL,
	"unread_count" integer DEFAULT 0 NOT NULL,
	"message_count" integer DEFAULT 0 NOT NULL,
	"reply_token" text NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"snoozed_until" timestamp with time zone,
	"merged_into" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"direction" text NOT NULL,
	"channel_kind" text,
	"external_id" text,
	"author_id" text,
	"address" text,
	"text" text NOT NULL,
	"html" text,
	"in_reply_to_id" text,
	"status" text,
	"failure_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"unparsed" boolean DEFAULT false NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inbox_attachments_message_idx" ON "inbox_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "inbox_attachments_conversation_idx" ON "inbox_attachments" USING btree ("conversation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_canned_replies_shortcut_idx" ON "inbox_canned_replies" USING btree ("shortcut");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_chat_visitors_token_idx" ON "inbox_chat_visitors" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "inbox_chat_visitors_customer_idx" ON "inbox_chat_visitors" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_conversations_one_open_idx" ON "inbox_conversations" USING btree ("customer_id") WHERE status <> 'resolved' and merged_into is null and customer_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_conversations_reply_token_idx" ON "inbox_conversations" USING btree ("reply_token");--> statement-breakpoint
CREATE INDEX "inbox_conversations_status_idx" ON "inbox_conversations" USING btree ("status","last_message_at","id");--> statement-breakpoint
CREATE INDEX "inbox_conversations_assignee_idx" ON "inbox_conversations" USING btree ("assignee_id","status","last_message_at","id");--> statement-breakpoint
CREATE INDEX "inbox_conversations_customer_idx" ON "inbox_conversations" USING btree ("customer_id","last_message_at");--> statement-breakpoint
CREATE INDEX "inbox_conversations_snoozed_idx" ON "inbox_conversations" USING btree ("snoozed_until") WHERE status = 'snoozed';--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_messages_external_idx" ON "inbox_messages" USING btree ("channel_kind","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "inbox_messages_conversation_idx" ON "inbox_messages" USING btree ("conversation_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "inbox_messages_due_idx" ON "inbox_messages" USING btree ("next_attempt_at") WHERE status = 'queued';