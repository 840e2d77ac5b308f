// The receipt's hot path: a delivery is stored and announced in ONE statement (no BEGIN/COMMIT, no
// connector read, no counter row every receipt would lock), verified against a connector kept in
// this process. The kept connector is checked by the write itself: the insert happens only if the
// connector row still has the version (updated_at) and status that were verified, so a connector
// changed, paused or deleted by any process or node is noticed at once and read again.
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { firstRow } from '../../platform/db/database.js';
import { writeWithEvents } from '../../platform/events/event-log.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import { type ConnectorRow, type DeliveryRow, toConnector, toDelivery } from './inbound.repository.js';
import type { ConnectorWithSecret, InboundDelivery } from './inbound.types.js';
import { INTEGRATION_EVENTS } from './integrations.events.js';

/** A connector as kept for receipts: `version` is its row's updated_at as the database prints it. */
export type KeptConnector = ConnectorWithSecret & { version: string };

export interface ConnectorCache {
  /** The connector (kept while active), or undefined; `fresh` reads it again. */
  get(ctx: Ctx, id: string, fresh?: boolean): Promise<KeptConnector | undefined>;
  drop(id: string): void;
}

const MAX_KEPT = 1000;
/** Paused connectors are not kept; active ones are read again after this long anyway. */
const MAX_AGE_MS = 60_000;

export function createConnectorCache(box: SecretBox): ConnectorCache {
  const kept = new Map<string, { c: KeptConnector; at: number }>();
  // Reads under way: a burst of deliveries to a connector not kept yet reads it once.
  const reading = new Map<string, Promise<KeptConnector | undefined>>();
  const read = async (ctx: Ctx, id: string) => {
    const r = await firstRow<ConnectorRow & { version: string }>(
      ctx.db,
      sql`select *, updated_at::text as version from inbound_connectors where id = ${id}`,
    );
    if (!r || r.status !== 'active') {
      kept.delete(id);
      return r ? { ...toConnector(r, box), version: r.version } : undefined;
    }
    const c = { ...toConnector(r, box), version: r.version };
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(id, { c, at: Date.now() });
    return c;
  };
  return {
    get(ctx, id, fresh = false) {
      const hit = kept.get(id);
      if (hit && !fresh && Date.now() - hit.at < MAX_AGE_MS) return Promise.resolve(hit.c);
      const under = fresh ? undefined : reading.get(id);
      if (under) return under;
      const p = read(ctx, id).finally(() => reading.get(id) === p && reading.delete(id));
      reading.set(id, p);
      return p;
    },
    drop: (id) => {
      kept.delete(id);
      reading.delete(id);
    },
  };
}

export interface DoorDelivery {
  connector: KeptConnector;
  externalId: string;
  topic: string;
  headers: Record<string, string>;
  rawBody: string;
  malformed?: string | undefined;
  /** The record the delivery changes (an order), for processing side by side in order per key. */
  key?: string | undefined;
}

/**
 * Stores a delivery once and announces it, in one statement. `changed`: the connector is no longer
 * the verified version (or no longer active); nothing was written and the caller reads it again.
 */
export async function storeAtDoor(
  ctx: Ctx,
  d: DoorDelivery,
): Promise<{ delivery: InboundDelivery; duplicate: boolean } | { changed: true }> {
  const c = d.connector;
  const id = newId('ind');
  const status = d.malformed ? 'rejected' : 'received';
  const event = {
    type: INTEGRATION_EVENTS.inboundReceived,
    subject: id,
    channelId: c.channelId,
    payload: {
      deliveryId: id,
      connectorId: c.id,
      kind: c.kind,
      topic: d.topic,
      ...(d.key !== undefined ? { key: d.key } : {}),
    },
  };
  const [r] = await writeWithEvents<{
    current: number;
    inserted: DeliveryRow | string | null;
    existing: DeliveryRow | string | null;
  }>(
    ctx,
    [event],
    'fresh',
    (ev) => sql`with c as (
          select id from inbound_connectors
          where id = ${c.id} and status = 'active' and updated_at = ${c.version}::timestamptz),
        ins as (
          insert into inbound_deliveries (id, connector_id, external_id, topic, headers, raw_body, status, error, received_at)
          select ${id}, c.id, ${d.externalId}, ${d.topic}, ${JSON.stringify(d.headers)}::jsonb, ${d.rawBody},
            ${status}, ${d.malformed ?? null}, ${ctx.clock.now()} from c
          on conflict (connector_id, external_id) do nothing
          returning *),
        fresh as (select id from ins where status = 'received'),
        ${ev}
        select (select count(*) from c)::int as current,
          (select row_to_json(ins) from ins) as inserted,
          (select row_to_json(x) from inbound_deliveries x
           where x.connector_id = ${c.id} and x.external_id = ${d.externalId}) as existing`,
  );
  const row = (v: DeliveryRow | string | null | undefined) =>
    v == null ? undefined : toDelivery(typeof v === 'string' ? JSON.parse(v) : v);
  if (!r || Number(r.current) === 0) return { changed: true };
  const inserted = row(r.inserted);
  if (inserted) return { delivery: inserted, duplicate: false };
  const existing =
    row(r.existing) ??
    // The first copy committed after this statement's snapshot was taken: read it now.
    row(
      await firstRow<DeliveryRow>(
        ctx.db,
        sql`select * from inbound_deliveries where connector_id = ${c.id} and external_id = ${d.externalId}`,
      ),
    );
  if (!existing) throw new Error('a duplicate delivery without its first copy');
  return { delivery: existing, duplicate: true };
}
