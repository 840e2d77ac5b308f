// SQL for tags set by id: a tag stays on the profile it was put on, reads and changes span the cluster.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { customerTags } from './customers.schema.js';

type TagOnly = Pick<SqlRow<typeof customerTags>, 'tag'>;

/** The distinct tags of the profiles, sorted. */
export async function selectTagsOf(exec: Executor, profileIds: string[]): Promise<string[]> {
  const r = await rows<TagOnly>(
    exec,
    sql`select distinct tag from customer_tags where profile_id = any(${sql.param(profileIds)}::text[]) order by tag`,
  );
  return r.map((x) => x.tag);
}

/** Removes the tags from every profile given; returns a tag once per profile it was removed from. */
export async function deleteTagsOf(exec: Executor, profileIds: string[], tags: string[]): Promise<string[]> {
  const r = await rows<TagOnly>(
    exec,
    sql`delete from customer_tags where profile_id = any(${sql.param(profileIds)}::text[])
        and tag = any(${sql.param(tags)}::text[]) returning tag`,
  );
  return r.map((x) => x.tag);
}

/** Puts on `rootId` the tags no profile of the cluster has yet; returns those added. */
export async function insertMissingTags(
  exec: Executor,
  t: {
    rootId: string;
    clusterIds: string[];
    tags: string[];
    channelId: string | null;
    actor: string;
    at: Date;
  },
): Promise<string[]> {
  const r = await rows<TagOnly>(
    exec,
    sql`insert into customer_tags (profile_id, tag, channel_id, actor, added_at)
        select ${t.rootId}, t, ${t.channelId}, ${t.actor}, ${t.at.toISOString()}
        from unnest(${sql.param(t.tags)}::text[]) as t
        where not exists (select 1 from customer_tags x
                          where x.profile_id = any(${sql.param(t.clusterIds)}::text[]) and x.tag = t)
        on conflict do nothing returning tag`,
  );
  return r.map((x) => x.tag);
}
