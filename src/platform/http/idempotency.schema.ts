// Stored responses of creating POSTs, keyed by the caller's Idempotency-Key.
import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: text('actor_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    // null while the first request is still running
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    contentType: text('content_type'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // While running: the claiming node's heartbeat extends this; past it the node died and a retry
    // may run the request again (null on rows claimed before this column existed).
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    // The ids of the requests that ran it and the transaction id of the first claim: a retry after
    // a node died looks for their events from this transaction on to learn whether writes committed
    // before the response was stored (then running it again would apply it twice). Claims made
    // before log_tx_id hold the log's last position then instead.
    requestIds: text('request_ids').array(),
    logTxId: bigint('log_tx_id', { mode: 'number' }),
    logPosition: bigint('log_position', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);
