// SQL of the periodic consistency audit's results: one row per connection with its last result and
// the lease of the node auditing it now (so one node of many audits a connection per interval).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { AuditRecord } from './channel-sync.types.js';

const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/**
 * Leases up to `limit` connections whose last audit finished before `dueBefore` (or never ran) and
 * that no live lease holds, the longest unaudited first. The row of a connection never audited is
 * created by the claim; a node racing for the same row waits on it and then finds its lease live.
 */
export async function claimAudits(
  exec: Executor,
  o: { owner: string; leaseMs: number; now: Date; dueBefore: Date; limit: number },
): Promise<string[]> {
  const until = new Date(o.now.getTime() + o.leaseMs);
  const free = (t: string) =>
    sql`(${sql.raw(t)}.audited_at is null or ${sql.raw(t)}.audited_at < ${o.dueBefore})
        and (${sql.raw(t)}.lease_until is null or ${sql.raw(t)}.lease_until < ${o.now})`;
  const rs = await rows<{ connection_id: string }>(
    exec,
    sql`insert into channel_sync_audits as a (connection_id, channel_id, lease_owner, lease_until)
        select c.id, c.channel_id, ${o.owner}, ${until} from channel_sync_connections c
        left join channel_sync_audits x on x.connection_id = c.id
        where x.connection_id is null or (${free('x')})
        order by x.audited_at nulls first, c.id
        limit ${o.limit}
        on conflict (connection_id) do update
          set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
          where ${free('a')}
        returning a.connection_id`,
  );
  return rs.map((r) => r.connection_id);
}

/** Stores a connection's audit result and ends this node's lease (nothing when it was deleted meanwhile). */
export async function saveAudit(exec: Executor, r: AuditRecord, owner: string): Promise<void> {
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  await exec.execute(
    sql`insert into channel_sync_audits as a (connection_id, channel_id, audited_at, status, skus, drift,
          drift_by_sync, remote, remote_error, lag_seconds, dead_lettered, sample)
        select id, channel_id, ${r.auditedAt}, ${r.status}, ${r.skus}, ${json(r.drift)},
          ${json(r.driftBySync)}, ${r.remote}, ${r.remoteError}, ${r.lagSeconds}, ${r.deadLettered},
          ${json(r.sample)}
        from channel_sync_connections where id = ${r.connectionId}
        on conflict (connection_id) do update set
          channel_id = excluded.channel_id, audited_at = excluded.audited_at, status = excluded.status,
          skus = excluded.skus, drift = excluded.drift, drift_by_sync = excluded.drift_by_sync,
          remote = excluded.remote, remote_error = excluded.remote_error,
          lag_seconds = excluded.lag_seconds, dead_lettered = excluded.dead_lettered,
          sample = excluded.sample,
          lease_owner = case when a.lease_owner = ${owner} then null else a.lease_owner end,
          lease_until = case when a.lease_owner = ${owner} then null else a.lease_until end`,
  );
}

/** Gives a lease back without a result (the audit failed): the connection is due again next tick. */
export async function releaseAudit(exec: Executor, connectionId: string, owner: string): Promise<void> {
  await exec.execute(
    sql`update channel_sync_audits set lease_owner = null, lease_until = null
        where connection_id = ${connectionId} and lease_owner = ${owner}`,
  );
}

interface AuditRow {
  connection_id: string;
  channel_id: string;
  audited_at: Date | string;
  status: AuditRecord['status'];
  skus: number;
  drift: AuditRecord['drift'];
  drift_by_sync: AuditRecord['driftBySync'];
  remote: AuditRecord['remote'];
  remote_error: string | null;
  lag_seconds: number;
  dead_lettered: number;
  sample: AuditRecord['sample'];
}

/** The last finished audit of every connection (of these channels when given). */
export async function selectAudits(exec: Executor, channelIds?: string[]): Promise<AuditRecord[]> {
  const rs = await rows<AuditRow>(
    exec,
    sql`select connection_id, channel_id, audited_at, status, skus, drift, drift_by_sync, remote,
          remote_error, lag_seconds, dead_lettered, sample
        from channel_sync_audits
        where audited_at is not null
          ${channelIds ? sql`and channel_id = any(${sql.param(channelIds)})` : sql``}
        order by connection_id`,
  );
  return rs.map((r) => ({
    connectionId: r.connection_id,
    channelId: r.channel_id,
    auditedAt: date(r.audited_at),
    status: r.status,
    skus: r.skus,
    drift: r.drift,
    driftBySync: r.drift_by_sync,
    remote: r.remote,
    remoteError: r.remote_error,
    lagSeconds: Number(r.lag_seconds),
    deadLettered: r.dead_lettered,
    sample: r.sample,
  }));
}
