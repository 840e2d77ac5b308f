// SQL for channels.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { channels } from './channels.schema.js';
import type { Channel } from './channels.types.js';

type ChannelRow = SqlRow<typeof channels>;

const toChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  currency: r.currency,
  locales: r.locales,
  priceListId: r.price_list_id ?? null,
  paymentProviders: r.payment_providers ?? [],
  status: r.status,
  metadata: r.metadata ?? {},
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function insertChannel(exec: Executor, c: Channel): Promise<Channel | undefined> {
  const r = await firstRow<ChannelRow>(
    exec,
    sql`insert into channels (id, code, name, type, currency, locales, price_list_id, payment_providers, status, metadata, created_at, updated_at)
        values (${c.id}, ${c.code}, ${c.name}, ${c.type}, ${c.currency}, ${sql.param(c.locales)}::text[], ${c.priceListId},
                ${sql.param(c.paymentProviders)}::text[], ${c.status},
                ${JSON.stringify(c.metadata)}::jsonb, ${c.createdAt.toISOString()}, ${c.updatedAt.toISOString()})
        on conflict (code) do nothing
        returning *`,
  );
  return r ? toChannel(r) : undefined;
}

export async function updateChannelRow(exec: Executor, c: Channel): Promise<Channel | undefined> {
  const r = await firstRow<ChannelRow>(
    exec,
    sql`update channels set name = ${c.name}, type = ${c.type}, currency = ${c.currency},
          locales = ${sql.param(c.locales)}::text[], price_list_id = ${c.priceListId},
          payment_providers = ${sql.param(c.paymentProviders)}::text[], status = ${c.status}, metadata = ${JSON.stringify(c.metadata)}::jsonb,
          updated_at = ${c.updatedAt.toISOString()}
        where id = ${c.id} returning *`,
  );
  return r ? toChannel(r) : undefined;
}

export async function selectChannel(
  exec: Executor,
  idOrCode: string,
  forUpdate = false,
): Promise<Channel | undefined> {
  const r = await firstRow<ChannelRow>(
    exec,
    sql`select * from channels where id = ${idOrCode} or code = ${idOrCode} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toChannel(r) : undefined;
}

export async function selectChannels(
  exec: Executor,
  filter: { type?: string | undefined } = {},
): Promise<Channel[]> {
  const where = filter.type ? sql`where type = ${filter.type}` : sql``;
  return (await rows<ChannelRow>(exec, sql`select * from channels ${where} order by created_at, id`)).map(
    toChannel,
  );
}
