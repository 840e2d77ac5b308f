// SQL of what connections had acknowledged (the consistency audit's side of channel sync).
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { Ack, AckValue, SyncKind } from './channel-sync.types.js';

const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** Every acknowledged value of a connection (one statement for all its SKUs and kinds). */
export async function selectAcks(exec: Executor, connectionId: string): Promise<Ack[]> {
  const rs = await rows<{ kind: SyncKind; key: string; value: AckValue; acknowledged_at: Date | string }>(
    exec,
    sql`select kind, key, value, acknowledged_at from channel_sync_acks where connection_id = ${connectionId}`,
  );
  return rs.map((r) => ({
    kind: r.kind,
    key: r.key,
    value: r.value,
    acknowledgedAt: date(r.acknowledged_at),
  }));
}

/** The (kind, SKU) pairs of a connection waiting in its queue (pending or dead-lettered). */
export async function selectQueuedKeys(exec: Executor, connectionId: string) {
  return rows<{ kind: SyncKind; key: string; status: 'pending' | 'dead' }>(
    exec,
    sql`select kind, key, status from channel_sync_items where connection_id = ${connectionId}`,
  );
}
