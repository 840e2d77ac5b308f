// Inbound processing split into partitions, each a consumer of the log with its own cursor and
// lease: different workers and nodes process different partitions side by side, a dead one's
// partitions move to the others with their leases, and each partition keeps log order. A delivery's
// partition follows its key (an order's id, given at receipt), so one order's deliveries stay in
// order; deliveries without a key follow their connector.
import { sql } from 'drizzle-orm';
import type { Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { RunningConsumer } from '../../platform/events/consumer.js';

/** The first partition keeps the name of the single processor that came before (its cursor too). */
export const INBOUND_CONSUMER = 'inbound-processor';

export const partitionName = (p: number): string => (p === 0 ? INBOUND_CONSUMER : `${INBOUND_CONSUMER}/${p}`);

/** FNV-1a over the connector and key: the same on every node and every start. */
export function partitionOf(
  e: { connectorId: string; key?: string | undefined },
  partitions: number,
): number {
  if (partitions <= 1) return 0;
  const s = e.key === undefined ? e.connectorId : `${e.connectorId}\u0000${e.key}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

/**
 * A partition without a cursor starts where the furthest-behind partition stands (the single
 * processor's cursor on the first start after an upgrade): what it skips was not its own, and what
 * it sees again was handled already (processing skips a delivery that is no longer `received`).
 */
async function seedCursors(database: Database, names: string[]): Promise<void> {
  await database.db.execute(
    sql`insert into consumer_cursors (name, tx_id, position)
        select n, m.tx_id, m.position
        from unnest(${sql.param(names)}::text[]) as n,
          (select tx_id, position from consumer_cursors
           where name = ${INBOUND_CONSUMER} or name like ${`${INBOUND_CONSUMER}/%`}
           order by tx_id, position limit 1) m
        on conflict (name) do nothing`,
  );
}

/** Starts one consumer per partition (after seeding their cursors); stopped and awaited as one. */
export function startPartitions(opts: {
  database: Database;
  log: Logger;
  partitions: number;
  start: (name: string, partition: number) => RunningConsumer;
}): RunningConsumer {
  const names = Array.from({ length: opts.partitions }, (_, p) => partitionName(p));
  let stopped = false;
  let running: RunningConsumer[] = [];
  const ready = (opts.partitions > 1 ? seedCursors(opts.database, names) : Promise.resolve())
    .catch((err: unknown) =>
      // Without seeding a new partition starts at the log's head, as a new consumer does.
      opts.log.warn({ err }, 'inbound partitions: cursors not seeded'),
    )
    .then(() => {
      if (!stopped) running = names.map((name, p) => opts.start(name, p));
    });
  return {
    name: INBOUND_CONSUMER,
    async stop() {
      stopped = true;
      await ready;
      await Promise.all(running.map((c) => c.stop()));
    },
    async caughtUp() {
      await ready;
      await Promise.all(running.map((c) => c.caughtUp()));
    },
  };
}
