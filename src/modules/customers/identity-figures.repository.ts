// SQL of the omnichannel score's identity figure: the events received per channel and those that
// landed on a known profile (its cluster has an identifier other than an anonymous id).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';

export interface EventIdentityCounts {
  channelId: string | null;
  events: number;
  known: number;
}

// Roots of the clusters that have a way to reach or recognise the person (email, phone, user id, card).
const knownRoots = sql`select distinct coalesce(p.merged_into, p.id) as root
  from customer_identifiers i join customer_profiles p on p.id = i.profile_id
  where i.type <> 'anonymous_id'`;

/** Per channel: events received since `since`, and those on a known profile. */
export async function selectEventIdentityCounts(exec: Executor, since: Date): Promise<EventIdentityCounts[]> {
  const list = await rows<{ channel_id: string | null; events: string; known: string }>(
    exec,
    sql`with known as (${knownRoots})
        select e.channel_id, count(*) as events, count(k.root) as known
        from customer_events e
        join customer_profiles p on p.id = e.profile_id
        left join known k on k.root = coalesce(p.merged_into, p.id)
        where e.received_at >= ${since.toISOString()}::timestamptz
        group by e.channel_id order by e.channel_id`,
  );
  return list.map((r) => ({ channelId: r.channel_id, events: Number(r.events), known: Number(r.known) }));
}

/** Up to `limit` of the newest events since `since` on profiles nobody is known by (ids, kinds, names). */
export async function selectAnonymousEventSample(
  exec: Executor,
  since: Date,
  limit: number,
): Promise<Array<{ id: string; channelId: string | null; kind: string; name: string | null }>> {
  const list = await rows<{ id: string; channel_id: string | null; kind: string; name: string | null }>(
    exec,
    sql`with known as (${knownRoots})
        select e.id, e.channel_id, e.kind, e.name
        from customer_events e
        join customer_profiles p on p.id = e.profile_id
        left join known k on k.root = coalesce(p.merged_into, p.id)
        where e.received_at >= ${since.toISOString()}::timestamptz and k.root is null
        order by e.received_at desc limit ${limit}`,
  );
  return list.map((r) => ({ id: r.id, channelId: r.channel_id, kind: r.kind, name: r.name }));
}
