// The read of a reservation batch: in one statement, lock the SKU's levels at the channels'
// locations and read everything else the decision needs (sourcing, other levels, replays).
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, firstRow, planEachTimeFor } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type {
  inventoryChannelLocations,
  inventoryChannels,
  inventoryLevels,
  inventoryLocations,
  inventoryReservations,
} from './inventory.schema.js';
import type { BatchState } from './reservation-decision.js';

type LevelJson = Pick<SqlRow<typeof inventoryLevels>, 'location_id' | 'on_hand' | 'reserved'>;
/** A row of the `affected` sourcing CTE (channel locations with their code and buffer). */
type SourcingJson = Pick<
  SqlRow<typeof inventoryChannelLocations>,
  'channel_id' | 'location_id' | 'priority'
> &
  Pick<SqlRow<typeof inventoryLocations>, 'code'> &
  Pick<SqlRow<typeof inventoryChannels>, 'safety_buffer'>;

type Json<T> = T[] | null;

/**
 * CTEs shared by the batch's read and its compare-and-set write: `affected` (the sourcing of the
 * channels and of every channel fed by the same locations), `mine` (the channels' own locations),
 * `locked` (the SKU's levels there, locked FOR UPDATE in location order, so no deadlocks) and
 * `others` (the SKU's levels at the other affected locations, not locked).
 */
export function batchLevelsCtes(sku: string, channelIds: string[]): SQL {
  return sql`${sourcingCtes(channelIds)},
        locked as (
          select l.location_id, l.on_hand, l.reserved from inventory_levels l
          where l.sku = ${sku} and l.location_id in (select location_id from mine)
          order by l.location_id
          for update
        ),
        others as (
          select l.location_id, l.on_hand, l.reserved from inventory_levels l
          where l.sku = ${sku} and l.location_id in (select location_id from affected)
            and l.location_id not in (select location_id from mine)
        )`;
}

/** `active`, `mine` and `affected` of batchLevelsCtes. */
function sourcingCtes(channelIds: string[]): SQL {
  return sql`active as (
          select cl.channel_id, cl.location_id, loc.code, cl.priority, c.safety_buffer
          from inventory_channel_locations cl
          join inventory_channels c on c.channel_id = cl.channel_id
          join inventory_locations loc on loc.id = cl.location_id and loc.status = 'active'
        ),
        mine as (select * from active where channel_id = any(${sql.param(channelIds)}::text[])),
        affected as (
          select * from active
          where channel_id in (select channel_id from active where location_id in (select location_id from mine))
        )`;
}

type Row = {
  sourcing: Json<SourcingJson>;
  locked: Json<LevelJson & { sku?: string }>;
  others: Json<LevelJson & { sku?: string }>;
  existing: Json<SqlRow<typeof inventoryReservations>>;
};

const parsed = <T>(v: Json<T> | string | undefined): T[] =>
  (typeof v === 'string' ? (JSON.parse(v) as T[] | null) : v) ?? [];

const toNumbers = (l: LevelJson) => ({
  locationId: l.location_id,
  onHand: Number(l.on_hand),
  reserved: Number(l.reserved),
});

const existingOf = (x: SqlRow<typeof inventoryReservations>) => ({
  id: x.id,
  kind: x.kind,
  status: x.status,
  channelId: x.channel_id,
  sku: x.sku,
  quantity: Number(x.quantity),
  lines: x.lines,
  idempotencyKey: x.idempotency_key,
  reference: x.reference,
  expiresAt: x.expires_at === null ? null : new Date(x.expires_at),
  createdBy: x.created_by,
  createdAt: new Date(x.created_at),
  updatedAt: new Date(x.updated_at),
});

const sourcingOf = (s: SourcingJson) => ({
  channelId: s.channel_id,
  locationId: s.location_id,
  code: s.code,
  priority: Number(s.priority),
  safetyBuffer: Number(s.safety_buffer),
});

/**
 * The reservations made with the given idempotency keys, one index probe per key. As a join the
 * planner may merge the sorted keys with the whole idempotency index instead (it cannot know where the
 * keys fall): that walked ~21,000 index entries and their rows per batch once the table held 140,000
 * reservations, and more as it grew. The limit keeps the subquery a probe per key.
 */
export const reservationsWithKeys = (keys: Array<{ channelId: string; key: string }>) =>
  sql`select r.* from unnest(${sql.param(keys.map((k) => k.channelId))}::text[],
                             ${sql.param(keys.map((k) => k.key))}::text[]) as k(channel_id, key)
      cross join lateral (select * from inventory_reservations r
                          where r.channel_id = k.channel_id and r.idempotency_key = k.key limit 1) r`;

/** The reservations made with the given idempotency keys, and the sourcing, locked and other levels. */
const existingAndSelect = (idempotency: Array<{ channelId: string; key: string }>) =>
  sql`existing as (${reservationsWithKeys(idempotency)})
        select (select json_agg(affected order by channel_id, priority) from affected) as sourcing,
               (select json_agg(locked) from locked) as locked,
               (select json_agg(others) from others) as others,
               (select json_agg(existing) from existing) as existing`;

/**
 * One statement: sourcing, the locked levels, the other affected levels and idempotency replays.
 * A large batch is planned each time: it looks its keys up in inventory_reservations, which grows fast.
 */
export async function loadBatchState(
  exec: Executor,
  sku: string,
  channelIds: string[],
  idempotency: Array<{ channelId: string; key: string }>,
): Promise<BatchState> {
  const r = await firstRow<Row>(
    exec,
    sql`${planEachTimeFor(idempotency.length)}with ${batchLevelsCtes(sku, channelIds)}, ${existingAndSelect(idempotency)}`,
  );
  return {
    sourcing: parsed(r?.sourcing).map(sourcingOf),
    locked: parsed(r?.locked).map(toNumbers),
    others: parsed(r?.others).map(toNumbers),
    existing: parsed(r?.existing).map(existingOf),
  };
}

/**
 * loadBatchState for several SKUs in one statement (each SKU's state by SKU). The levels are locked
 * by SKU (in code-unit order, as `[...skus].sort()` orders them), then by location, as one SKU at a
 * time in that order would lock them, so this never deadlocks with either.
 */
export async function loadBatchStates(
  exec: Executor,
  skus: string[],
  channelIds: string[],
  idempotency: Array<{ sku: string; channelId: string; key: string }>,
): Promise<Map<string, BatchState>> {
  const r = await firstRow<Row>(
    exec,
    sql`${planEachTimeFor(idempotency.length)}with ${sourcingCtes(channelIds)},
        locked as (
          select l.sku, l.location_id, l.on_hand, l.reserved from inventory_levels l
          where l.sku = any(${sql.param(skus)}::text[]) and l.location_id in (select location_id from mine)
          order by l.sku collate "C", l.location_id
          for update
        ),
        others as (
          select l.sku, l.location_id, l.on_hand, l.reserved from inventory_levels l
          where l.sku = any(${sql.param(skus)}::text[]) and l.location_id in (select location_id from affected)
            and l.location_id not in (select location_id from mine)
        ),
        ${existingAndSelect(idempotency)}`,
  );
  const sourcing = parsed(r?.sourcing).map(sourcingOf);
  const locked = parsed(r?.locked);
  const others = parsed(r?.others);
  const existing = parsed(r?.existing).map(existingOf);
  return new Map(
    skus.map((sku) => {
      // A replay is matched by the SKU's own requests' keys, as loadBatchState does.
      const keys = new Set(
        idempotency.filter((p) => p.sku === sku).map((p) => `${p.channelId}\u0000${p.key}`),
      );
      return [
        sku,
        {
          sourcing,
          locked: locked.filter((l) => l.sku === sku).map(toNumbers),
          others: others.filter((l) => l.sku === sku).map(toNumbers),
          existing: existing.filter((x) => keys.has(`${x.channelId}\u0000${x.idempotencyKey}`)),
        },
      ];
    }),
  );
}
