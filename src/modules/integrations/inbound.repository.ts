// SQL of inbound connectors, their raw deliveries (deduplicated on the sender's delivery id) and
// the source ids they translate later.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, planEachTimeFor, rows } from '../../platform/db/database.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import type {
  ConnectorHealth,
  ConnectorWithSecret,
  InboundDelivery,
  InboundStatus,
} from './inbound.types.js';

export interface ConnectorRow {
  id: string;
  kind: ConnectorWithSecret['kind'];
  name: string;
  secret: string;
  mapping: string | null;
  channel_id: string | null;
  location_id: string | null;
  status: 'active' | 'paused';
  created_at: Date | string;
  updated_at: Date | string;
}

/** Where a connector's secret is stored: the additional data that binds its encryption to the row. */
const secretPlace = (id: string) => `inbound_connectors.secret:${id}`;

export const toConnector = (r: ConnectorRow, box: SecretBox): ConnectorWithSecret => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  secret: box.open(r.secret, secretPlace(r.id)),
  mapping: r.mapping,
  channelId: r.channel_id,
  locationId: r.location_id,
  status: r.status,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Writes a connector; its secret only when it is new (sealed with the box, if a key is set). */
export async function upsertConnector(
  exec: Executor,
  c: ConnectorWithSecret,
  box: SecretBox,
): Promise<ConnectorWithSecret> {
  const r = await firstRow<ConnectorRow>(
    exec,
    sql`insert into inbound_connectors (id, kind, name, secret, mapping, channel_id, location_id, status, created_at, updated_at)
        values (${c.id}, ${c.kind}, ${c.name}, ${box.seal(c.secret, secretPlace(c.id))}, ${c.mapping}, ${c.channelId}, ${c.locationId}, ${c.status},
          ${c.createdAt}, ${c.updatedAt})
        on conflict (id) do update set name = excluded.name, mapping = excluded.mapping, channel_id = excluded.channel_id,
          location_id = excluded.location_id, status = excluded.status, updated_at = excluded.updated_at
        returning *`,
  );
  return toConnector(r!, box);
}

export async function selectConnector(
  exec: Executor,
  id: string,
  box: SecretBox,
): Promise<ConnectorWithSecret | undefined> {
  const r = await firstRow<ConnectorRow>(exec, sql`select * from inbound_connectors where id = ${id}`);
  return r ? toConnector(r, box) : undefined;
}

/** Removes a connector with its deliveries (raw bodies included) and its source-id refs. */
export async function deleteConnectorRows(exec: Executor, id: string): Promise<void> {
  await exec.execute(sql`delete from inbound_refs where connector_id = ${id}`);
  await exec.execute(sql`delete from inbound_deliveries where connector_id = ${id}`);
  await exec.execute(sql`delete from inbound_connectors where id = ${id}`);
}

export async function selectConnectors(exec: Executor, box: SecretBox): Promise<ConnectorWithSecret[]> {
  return (await rows<ConnectorRow>(exec, sql`select * from inbound_connectors order by created_at, id`)).map(
    (r) => toConnector(r, box),
  );
}

export interface DeliveryRow {
  id: string;
  connector_id: string;
  external_id: string;
  topic: string;
  headers: Record<string, string> | string;
  raw_body: string;
  status: InboundStatus;
  error: string | null;
  result: unknown;
  received_at: Date | string;
  processed_at: Date | string | null;
}

export const toDelivery = (r: DeliveryRow): InboundDelivery => ({
  id: r.id,
  connectorId: r.connector_id,
  externalId: r.external_id,
  topic: r.topic,
  headers: typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers,
  rawBody: r.raw_body,
  status: r.status,
  error: r.error,
  result: typeof r.result === 'string' ? JSON.parse(r.result) : (r.result ?? null),
  receivedAt: new Date(r.received_at),
  processedAt: r.processed_at ? new Date(r.processed_at) : null,
});

export async function selectInboundDelivery(
  exec: Executor,
  id: string,
): Promise<InboundDelivery | undefined> {
  const r = await firstRow<DeliveryRow>(exec, sql`select * from inbound_deliveries where id = ${id}`);
  return r ? toDelivery(r) : undefined;
}

/** Several deliveries in one read (a processor's batch); missing ids are left out. */
export async function selectInboundDeliveriesByIds(
  exec: Executor,
  ids: string[],
): Promise<InboundDelivery[]> {
  if (ids.length === 0) return [];
  const rs = await rows<DeliveryRow>(
    exec,
    // A large batch planned each time, as finishInboundDeliveries: the table grows fast under a burst.
    sql`${planEachTimeFor(ids.length)}select * from inbound_deliveries where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return rs.map(toDelivery);
}

export async function selectInboundDeliveries(
  exec: Executor,
  f: { connectorId: string; status?: string | undefined; before?: string | undefined; limit: number },
): Promise<InboundDelivery[]> {
  const rs = await rows<DeliveryRow>(
    exec,
    sql`select * from inbound_deliveries where connector_id = ${f.connectorId}
        ${f.status ? sql`and status = ${f.status}` : sql``}
        ${f.before ? sql`and id < ${f.before}` : sql``}
        order by id desc limit ${f.limit}`,
  );
  return rs.map(toDelivery);
}

export async function finishInboundDelivery(
  exec: Executor,
  id: string,
  outcome: { status: 'processed' | 'parked' | 'received'; error: string | null; result: unknown },
  now: Date,
): Promise<void> {
  await exec.execute(
    sql`update inbound_deliveries set status = ${outcome.status}, error = ${outcome.error},
          result = ${outcome.result === undefined ? null : JSON.stringify(outcome.result)}::jsonb,
          processed_at = ${outcome.status === 'received' ? null : now}
        where id = ${id}`,
  );
}

/** finishInboundDelivery for several deliveries in one statement (one JSON parameter). */
export async function finishInboundDeliveries(
  exec: Executor,
  list: Array<{ id: string; status: 'processed' | 'parked'; error: string | null; result: unknown }>,
  now: Date,
): Promise<void> {
  if (list.length === 0) return;
  const doc = JSON.stringify(
    list.map((d) => ({ id: d.id, status: d.status, error: d.error, result: d.result ?? null })),
  );
  // A large batch is planned each time: a generic plan made while the table was nearly empty (a hash
  // join over a sequential scan) is kept until the next ANALYZE; under a burst it scanned them all.
  await exec.execute(
    sql`${planEachTimeFor(list.length)}update inbound_deliveries d set status = u.status, error = u.error,
          result = case when jsonb_typeof(u.result) = 'null' then null else u.result end,
          processed_at = ${now}
        from jsonb_to_recordset(${doc}::jsonb) as u(id text, status text, error text, result jsonb)
        where d.id = u.id`,
  );
}

export async function upsertRefs(
  exec: Executor,
  connectorId: string,
  kind: string,
  pairs: Array<{ externalId: string; value: string }>,
  now: Date,
): Promise<void> {
  if (pairs.length === 0) return;
  await exec.execute(
    sql`insert into inbound_refs (connector_id, kind, external_id, value, updated_at)
        select ${connectorId}, ${kind}, u.e, u.v, ${now}
        from unnest(${sql.param(pairs.map((p) => p.externalId))}::text[], ${sql.param(pairs.map((p) => p.value))}::text[]) as u(e, v)
        on conflict (connector_id, kind, external_id) do update set value = excluded.value, updated_at = excluded.updated_at`,
  );
}

export async function selectRef(exec: Executor, connectorId: string, kind: string, externalId: string) {
  const r = await firstRow<{ value: string }>(
    exec,
    sql`select value from inbound_refs where connector_id = ${connectorId} and kind = ${kind} and external_id = ${externalId}`,
  );
  return r?.value;
}

export async function selectConnectorHealth(exec: Executor, now: Date): Promise<ConnectorHealth[]> {
  const rs = await rows<{
    id: string;
    kind: ConnectorHealth['kind'];
    name: string;
    received: number;
    processed: number;
    parked: number;
    rejected: number;
    waiting: number;
    oldest_waiting: Date | string | null;
    last_received: Date | string | null;
  }>(
    exec,
    sql`select c.id, c.kind, c.name, count(d.id)::int as received,
          count(d.id) filter (where d.status = 'processed')::int as processed,
          count(d.id) filter (where d.status = 'parked')::int as parked,
          count(d.id) filter (where d.status = 'rejected')::int as rejected,
          count(d.id) filter (where d.status = 'received')::int as waiting,
          min(d.received_at) filter (where d.status = 'received') as oldest_waiting,
          max(d.received_at) as last_received
        from inbound_connectors c left join inbound_deliveries d on d.connector_id = c.id
        group by c.id order by c.created_at, c.id`,
  );
  return rs.map((r) => ({
    connectorId: r.id,
    kind: r.kind,
    name: r.name,
    received: Number(r.received),
    processed: Number(r.processed),
    parked: Number(r.parked),
    rejected: Number(r.rejected),
    waiting: Number(r.waiting),
    lagSeconds: r.oldest_waiting
      ? Math.max(0, (now.getTime() - new Date(r.oldest_waiting).getTime()) / 1000)
      : 0,
    lastReceivedAt: r.last_received ? new Date(r.last_received) : null,
  }));
}
