// GDPR: export everything the module holds about a customer (its whole cluster), and erase it:
// identifiers become hashed tombstones (so old events cannot bring the person back), events and
// traits lose their personal data, the identity log is scrubbed, an audit entry stays, and
// customer.erased tells downstream connectors to erase too.
import { sql } from 'drizzle-orm';
import { newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import {
  insertIdentityLog,
  loadClusters,
  lockIdentity,
  selectIdentifierValues,
} from './customers.repository.js';
import { tombstoneHash } from './identifiers.js';

export interface CustomerExport {
  exportedAt: string;
  customerId: string;
  profiles: Array<Record<string, unknown>>;
  identifiers: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
  consents: Array<Record<string, unknown>>;
  tags: Array<Record<string, unknown>>;
  merges: Array<Record<string, unknown>>;
  reviews: Array<Record<string, unknown>>;
  identityLog: Array<Record<string, unknown>>;
}

export interface ErasureReceipt {
  customerId: string;
  erasedProfileIds: string[];
  identifiersErased: number;
  eventsAnonymized: number;
  erasedAt: string;
}

export function createPrivacyService() {
  async function clusterIds(ctx: Ctx, id: string): Promise<{ root: string; ids: string[] }> {
    const cluster = await loadClusters(ctx.db, [id]);
    const root = cluster.find((p) => p.mergedInto === null);
    if (!root || root.status === 'erased') throw notFound('customer', id);
    return { root: root.id, ids: cluster.map((p) => p.id) };
  }
  const all = (ctx: Ctx, q: ReturnType<typeof sql>) => rows<Record<string, unknown>>(ctx.db, q);

  return {
    /**
     * Who an erasure is about, read before anything is erased (erasure deletes the identifiers):
     * the cluster's profiles and their identifier values, for the other modules to find their
     * records. Takes the identity lock, so no merge moves the cluster until the transaction ends.
     */
    async erasureSubjectOf(
      ctx: Ctx,
      id: string,
    ): Promise<{ customerId: string; profileIds: string[]; identifiers: string[] }> {
      await lockIdentity(ctx.db);
      const { root, ids } = await clusterIds(ctx, id);
      return { customerId: root, profileIds: ids, identifiers: await selectIdentifierValues(ctx.db, ids) };
    },

    async exportCustomer(ctx: Ctx, id: string): Promise<CustomerExport> {
      const { root, ids } = await clusterIds(ctx, id);
      const p = sql.param(ids);
      const [profiles, identifiers, events, consents, tags, merges, reviews, identityLog] = await Promise.all(
        [
          all(ctx, sql`select * from customer_profiles where id = any(${p}::text[]) order by created_at`),
          all(
            ctx,
            sql`select type, value, trust, channel_id, profile_id, first_seen_at from customer_identifiers
                     where profile_id = any(${p}::text[]) order by first_seen_at`,
          ),
          all(
            ctx,
            sql`select id, source_id, message_id, profile_id, channel_id, kind, name, properties, context,
                     anonymous_id, user_id, occurred_at, received_at from customer_events
                     where profile_id = any(${p}::text[]) order by occurred_at, id`,
          ),
          all(ctx, sql`select * from customer_consents where profile_id = any(${p}::text[])`),
          all(
            ctx,
            sql`select * from customer_tags where profile_id = any(${p}::text[]) order by added_at, tag`,
          ),
          all(
            ctx,
            sql`select * from customer_merges where winner_id = any(${p}::text[]) or loser_id = any(${p}::text[])`,
          ),
          all(ctx, sql`select * from customer_merge_reviews where profile_ids && ${p}::text[]`),
          all(ctx, sql`select * from customer_identity_log where profile_id = any(${p}::text[]) order by at`),
        ],
      );
      return {
        exportedAt: ctx.clock.now().toISOString(),
        customerId: root,
        profiles,
        identifiers,
        events,
        consents,
        tags,
        merges,
        reviews,
        identityLog,
      };
    },

    async eraseCustomer(ctx: Ctx, id: string, reason = 'data subject request'): Promise<ErasureReceipt> {
      return inTransaction(ctx, async (tx) => {
        await lockIdentity(tx.db);
        const { root, ids } = await clusterIds(tx, id);
        const p = sql.param(ids);
        const now = tx.clock.now().toISOString();
        const identifiers = await rows<{ type: string; value: string }>(
          tx.db,
          sql`delete from customer_identifiers where profile_id = any(${p}::text[]) returning type, value`,
        );
        const hashes = identifiers.map((i) => tombstoneHash(i.type, i.value));
        if (hashes.length) {
          await tx.db.execute(
            sql`insert into customer_erased_identifiers (hash, erased_at)
                select h, ${now}::timestamptz from unnest(${sql.param(hashes)}::text[]) as h on conflict do nothing`,
          );
        }
        // Events keep their kind, name, channel and time (counts stay right) but nothing personal.
        const events = await rows<{ n: number }>(
          tx.db,
          sql`with e as (update customer_events set properties = '{}'::jsonb, context = '{}'::jsonb,
                           anonymous_id = null, user_id = null
                         where profile_id = any(${p}::text[]) returning 1)
              select count(*)::int as n from e`,
        );
        await tx.db.execute(sql`update customer_profiles set status = 'erased', traits = '{}'::jsonb, erased_at = ${now},
                                  updated_at = ${now} where id = any(${p}::text[])`);
        await tx.db.execute(sql`delete from customer_consents where profile_id = any(${p}::text[])`);
        await tx.db.execute(sql`delete from customer_tags where profile_id = any(${p}::text[])`);
        await tx.db.execute(sql`update customer_identity_log set details = '{"erased": true}'::jsonb, reason = 'erased'
                                where profile_id = any(${p}::text[])`);
        await tx.db.execute(sql`update customer_merges set evidence = '{"erased": true}'::jsonb, reason = 'erased'
                                where winner_id = any(${p}::text[]) or loser_id = any(${p}::text[])`);
        await tx.db.execute(sql`update customer_merge_reviews set evidence = '{"erased": true}'::jsonb, reason = 'erased',
                                  status = case when status = 'open' then 'rejected' else status end
                                where profile_ids && ${p}::text[]`);
        const receipt: ErasureReceipt = {
          customerId: root,
          erasedProfileIds: ids,
          identifiersErased: identifiers.length,
          eventsAnonymized: Number(events[0]?.n ?? 0),
          erasedAt: now,
        };
        // The audit record: who erased what, when and why, with counts and no personal data.
        await insertIdentityLog(tx.db, [
          {
            id: newId('ilg'),
            profileId: root,
            kind: 'erased',
            reason,
            details: { ...receipt },
            actor: tx.actor.id,
            at: now,
          },
        ]);
        await appendEvent(tx, {
          type: CUSTOMER_EVENTS.erased,
          subject: root,
          payload: { profileId: root, erasedProfileIds: ids, reason },
        });
        return receipt;
      });
    },
  };
}
