// SQL for stock locations and channel sourcing.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { inventoryLocations } from './inventory.schema.js';
import type { Location, Sourcing } from './inventory.types.js';

type LocationSqlRow = SqlRow<typeof inventoryLocations>;

const toLocation = (r: LocationSqlRow): Location => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  address: r.address ?? {},
  latitude: r.latitude === null ? null : Number(r.latitude),
  longitude: r.longitude === null ? null : Number(r.longitude),
  status: r.status,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function insertLocation(exec: Executor, l: Location): Promise<Location | undefined> {
  const r = await firstRow<LocationSqlRow>(
    exec,
    sql`insert into inventory_locations (id, code, name, type, address, latitude, longitude, status, created_at, updated_at)
        values (${l.id}, ${l.code}, ${l.name}, ${l.type}, ${JSON.stringify(l.address)}::jsonb, ${l.latitude}, ${l.longitude},
                ${l.status}, ${l.createdAt.toISOString()}, ${l.updatedAt.toISOString()})
        on conflict (code) do nothing
        returning *`,
  );
  return r ? toLocation(r) : undefined;
}

export async function updateLocationRow(exec: Executor, l: Location): Promise<Location> {
  const r = await firstRow<LocationSqlRow>(
    exec,
    sql`update inventory_locations set name = ${l.name}, type = ${l.type}, address = ${JSON.stringify(l.address)}::jsonb,
          latitude = ${l.latitude}, longitude = ${l.longitude}, status = ${l.status}, updated_at = ${l.updatedAt.toISOString()}
        where id = ${l.id} returning *`,
  );
  return toLocation(r!);
}

export async function selectLocation(
  exec: Executor,
  idOrCode: string,
  forUpdate = false,
): Promise<Location | undefined> {
  const r = await firstRow<LocationSqlRow>(
    exec,
    sql`select * from inventory_locations where id = ${idOrCode} or code = ${idOrCode} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toLocation(r) : undefined;
}

/** Locations by id or code; the map is keyed by each reference given. */
export async function selectLocationsByRef(exec: Executor, refs: string[]): Promise<Map<string, Location>> {
  const found = (
    await rows<LocationSqlRow>(
      exec,
      sql`select * from inventory_locations where id = any(${sql.param(refs)}::text[]) or code = any(${sql.param(refs)}::text[])`,
    )
  ).map(toLocation);
  const out = new Map<string, Location>();
  for (const l of found) {
    if (refs.includes(l.id)) out.set(l.id, l);
    if (refs.includes(l.code)) out.set(l.code, l);
  }
  return out;
}

export async function selectLocations(exec: Executor, filter: { type?: string | undefined } = {}) {
  const where = filter.type ? sql`where type = ${filter.type}` : sql``;
  return (
    await rows<LocationSqlRow>(exec, sql`select * from inventory_locations ${where} order by created_at, id`)
  ).map(toLocation);
}

export async function replaceSourcing(
  exec: Executor,
  channelId: string,
  locationIds: string[],
  safetyBuffer: number,
  now: Date,
): Promise<void> {
  await exec.execute(
    sql`insert into inventory_channels (channel_id, safety_buffer, updated_at)
        values (${channelId}, ${safetyBuffer}, ${now.toISOString()})
        on conflict (channel_id) do update set safety_buffer = excluded.safety_buffer, updated_at = excluded.updated_at`,
  );
  await exec.execute(sql`delete from inventory_channel_locations where channel_id = ${channelId}`);
  if (locationIds.length === 0) return;
  await exec.execute(
    sql`insert into inventory_channel_locations (channel_id, location_id, priority)
        select ${channelId}, u.location_id, u.priority
        from unnest(${sql.param(locationIds)}::text[]) with ordinality as u(location_id, priority)`,
  );
}

export async function selectSourcing(exec: Executor, channelId: string): Promise<Sourcing | undefined> {
  const c = await firstRow<{ safety_buffer: number }>(
    exec,
    sql`select safety_buffer from inventory_channels where channel_id = ${channelId}`,
  );
  if (!c) return undefined;
  const locs = await rows<{ location_id: string }>(
    exec,
    sql`select location_id from inventory_channel_locations where channel_id = ${channelId} order by priority`,
  );
  return {
    channelId,
    locationIds: locs.map((l) => l.location_id),
    safetyBuffer: Number(c.safety_buffer),
  };
}
