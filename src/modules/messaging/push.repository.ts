// SQL of web push: the hub's VAPID key pair and the shoppers' push subscriptions.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { messagingPushKeys, messagingPushSubscriptions } from './messaging.schema.js';

export interface PushSubscription {
  id: string;
  customerId: string;
  channelId: string | null;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  createdAt: Date;
}

type SubscriptionRow = SqlRow<typeof messagingPushSubscriptions>;
const toSubscription = (r: SubscriptionRow): PushSubscription => ({
  id: r.id,
  customerId: r.customer_id,
  channelId: r.channel_id,
  endpoint: r.endpoint,
  keys: { p256dh: r.p256dh, auth: r.auth },
  createdAt: new Date(r.created_at),
});

export const selectPushKeys = (exec: Executor) =>
  firstRow<SqlRow<typeof messagingPushKeys>>(
    exec,
    sql`select * from messaging_push_keys where id = 'default'`,
  );

/** Inserts the pair unless one exists (two first uses at once keep the first). */
export async function insertPushKeys(
  exec: Executor,
  k: { publicKey: string; privateKey: string; now: Date },
): Promise<void> {
  await exec.execute(
    sql`insert into messaging_push_keys (id, public_key, private_key, created_at)
        values ('default', ${k.publicKey}, ${k.privateKey}, ${k.now.toISOString()})
        on conflict (id) do nothing`,
  );
}

/** One row per endpoint: a browser re-subscribing (or another shopper signing in on it) takes it over. */
export async function upsertSubscription(
  exec: Executor,
  s: Omit<PushSubscription, 'createdAt'> & { now: Date },
): Promise<PushSubscription> {
  return toSubscription(
    (await firstRow<SubscriptionRow>(
      exec,
      sql`insert into messaging_push_subscriptions (id, customer_id, channel_id, endpoint, p256dh, auth, created_at)
          values (${s.id}, ${s.customerId}, ${s.channelId}, ${s.endpoint}, ${s.keys.p256dh}, ${s.keys.auth}, ${s.now.toISOString()})
          on conflict (endpoint) do update set customer_id = excluded.customer_id, channel_id = excluded.channel_id,
            p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at
          returning *`,
    ))!,
  );
}

export async function selectSubscriptions(exec: Executor, customerId: string): Promise<PushSubscription[]> {
  return (
    await rows<SubscriptionRow>(
      exec,
      sql`select * from messaging_push_subscriptions where customer_id = ${customerId} order by created_at, id`,
    )
  ).map(toSubscription);
}

/** Deletes an endpoint's subscription (of one customer when named); returns how many went. */
export async function deleteSubscription(
  exec: Executor,
  endpoint: string,
  customerId?: string,
): Promise<number> {
  const own = customerId ? sql`and customer_id = ${customerId}` : sql``;
  return (
    await rows(
      exec,
      sql`delete from messaging_push_subscriptions where endpoint = ${endpoint} ${own} returning id`,
    )
  ).length;
}

/** Erasure: every push subscription of the profiles. */
export async function deleteSubscriptionsOfCustomers(exec: Executor, customerIds: string[]): Promise<number> {
  if (customerIds.length === 0) return 0;
  return (
    await rows(
      exec,
      sql`delete from messaging_push_subscriptions where customer_id in (${sql.join(
        customerIds.map((id) => sql`${id}`),
        sql`, `,
      )}) returning id`,
    )
  ).length;
}
