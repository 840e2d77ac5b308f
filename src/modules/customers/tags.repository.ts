// SQL for tags set by id: a tag row stays on the profile it was addressed to; reads span the cluster,
// the newest row per tag deciding (a removal is a row with removed_at set).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { customerTags } from './customers.schema.js';

type TagOnly = Pick<SqlRow<typeof customerTags>, 'tag'>;

/** The tags the profiles show together (newest row per tag, removals hide), sorted. */
export async function selectTagsOf(exec: Executor, profileIds: string[]): Promise<string[]> {
  const r = await rows<TagOnly>(
    exec,
    sql`select x.tag from (select distinct on (tag) tag, removed_at from customer_tags
          where profile_id = any(${sql.param(profileIds)}::text[])
          order by tag, coalesce(removed_at, added_at) desc) x
        where x.removed_at is null order by x.tag`,
  );
  return r.map((x) => x.tag);
}

/**
 * Records tags as present (or removed) on one profile. Adding a tag the cluster shows leaves the
 * profile's present row untouched (its time stays); removing writes a removal row, newest, that hides
 * the tag across the cluster while other profiles' rows stay theirs (an unmerge gives them back).
 */
export async function writeTagRows(
  exec: Executor,
  t: {
    profileId: string;
    tags: string[];
    removed: boolean;
    /** Tags the cluster shows now. */
    shown: string[];
    channelId: string | null;
    actor: string;
    at: Date;
  },
): Promise<void> {
  if (!t.tags.length) return;
  const at = t.at.toISOString();
  const removedAt = t.removed ? at : null;
  await exec.execute(
    sql`insert into customer_tags (profile_id, tag, channel_id, actor, added_at, removed_at)
        select ${t.profileId}, x, ${t.channelId}, ${t.actor}, ${at}, ${removedAt}::timestamptz
        from unnest(${sql.param(t.tags)}::text[]) as x
        on conflict (profile_id, tag) do update
          set channel_id = excluded.channel_id, actor = excluded.actor,
              added_at = case when excluded.removed_at is null then excluded.added_at else customer_tags.added_at end,
              removed_at = excluded.removed_at
          where excluded.removed_at is not null or customer_tags.removed_at is not null
             or not (excluded.tag = any(${sql.param(t.shown)}::text[]))`,
  );
}
