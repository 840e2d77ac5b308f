CREATE TABLE "inbox_conversation_counts" (
	"status" text NOT NULL,
	"assignee_id" text NOT NULL,
	"channel_kind" text NOT NULL,
	"conversations" integer NOT NULL,
	"unread" integer NOT NULL,
	CONSTRAINT "inbox_conversation_counts_status_assignee_id_channel_kind_pk" PRIMARY KEY("status","assignee_id","channel_kind")
);
--> statement-breakpoint
DROP INDEX "inbox_conversations_counts_idx";--> statement-breakpoint
-- The counts are kept by statement triggers (one per statement, not per row: a batch of 200 new
-- conversations is one upsert). Each firing sums what the statement changed per key (the rows as
-- they were, subtracted; as they are, added) and upserts the keys whose counts moved, in key order,
-- so concurrent writers lock the counter rows in one order. An inbound message on an open, unread
-- conversation moves no count and writes nothing here. Writers wait for this migration (its
-- transaction holds the lock) so the rebuild at the end counts every conversation exactly once.
LOCK TABLE inbox_conversations IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE FUNCTION inbox_conversation_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inbox_conversation_counts AS t (status, assignee_id, channel_kind, conversations, unread)
    SELECT c.status, coalesce(c.assignee_id, ''), k.kind, count(*)::int, count(*) FILTER (WHERE c.unread_count > 0)::int
    FROM new_rows c CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest('{*}'::text[] || c.channel_kinds) AS x) AS k(kind)
    WHERE c.merged_into IS NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (status, assignee_id, channel_kind) DO UPDATE
      SET conversations = t.conversations + excluded.conversations, unread = t.unread + excluded.unread;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO inbox_conversation_counts AS t (status, assignee_id, channel_kind, conversations, unread)
    SELECT d.status, d.assignee_id, d.kind, sum(d.n)::int, sum(d.u)::int
    FROM (
      SELECT c.status, coalesce(c.assignee_id, '') AS assignee_id, k.kind, 1 AS n, (c.unread_count > 0)::int AS u
      FROM new_rows c CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest('{*}'::text[] || c.channel_kinds) AS x) AS k(kind)
      WHERE c.merged_into IS NULL
      UNION ALL
      SELECT c.status, coalesce(c.assignee_id, ''), k.kind, -1, -(c.unread_count > 0)::int
      FROM old_rows c CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest('{*}'::text[] || c.channel_kinds) AS x) AS k(kind)
      WHERE c.merged_into IS NULL
    ) AS d
    GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 OR sum(d.u) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (status, assignee_id, channel_kind) DO UPDATE
      SET conversations = t.conversations + excluded.conversations, unread = t.unread + excluded.unread;
  ELSE
    INSERT INTO inbox_conversation_counts AS t (status, assignee_id, channel_kind, conversations, unread)
    SELECT c.status, coalesce(c.assignee_id, ''), k.kind, -count(*)::int, -count(*) FILTER (WHERE c.unread_count > 0)::int
    FROM old_rows c CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest('{*}'::text[] || c.channel_kinds) AS x) AS k(kind)
    WHERE c.merged_into IS NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (status, assignee_id, channel_kind) DO UPDATE
      SET conversations = t.conversations + excluded.conversations, unread = t.unread + excluded.unread;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inbox_conversation_counts_insert AFTER INSERT ON inbox_conversations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_conversation_counts_apply();
--> statement-breakpoint
CREATE TRIGGER inbox_conversation_counts_update AFTER UPDATE ON inbox_conversations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_conversation_counts_apply();
--> statement-breakpoint
CREATE TRIGGER inbox_conversation_counts_delete AFTER DELETE ON inbox_conversations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inbox_conversation_counts_apply();
--> statement-breakpoint
-- The conversations stored before the counts (an upgrade), counted once.
INSERT INTO inbox_conversation_counts (status, assignee_id, channel_kind, conversations, unread)
SELECT c.status, coalesce(c.assignee_id, ''), k.kind, count(*)::int, count(*) FILTER (WHERE c.unread_count > 0)::int
FROM inbox_conversations c CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest('{*}'::text[] || c.channel_kinds) AS x) AS k(kind)
WHERE c.merged_into IS NULL
GROUP BY 1, 2, 3;
