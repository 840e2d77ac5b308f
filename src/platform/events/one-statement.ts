// Several modules' writes and all their events in ONE statement that is its own transaction: no
// BEGIN/COMMIT round trips. Each module hands a part (a data-modifying CTE, an expected row count,
// its events); the statement fails whole unless every part wrote exactly what it expected, so the
// caller can fall back to its ordinary transaction (which then gives the precise refusal).
// Events may take values only the statement knows (an order number from a sequence) through a
// jsonb patch, or be built in SQL from a part's rows (`sqlEvents`), with ids made here.
import { type SQL, sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../context.js';
import { rows } from '../db/database.js';
import type { PreparedEvents } from './event-log.js';
import { checkEventContracts, eventValidation } from './event-schemas.js';

export interface StatementPart {
  /** The CTE's name (a plain identifier, unique in the statement). */
  name: string;
  /** A data-modifying statement with `returning`. */
  statement: SQL;
  /** The statement fails whole unless the CTE returned exactly this many rows. */
  expectRows: number;
  events?: PreparedEvents;
  /** A jsonb expression (may read other parts' CTEs) merged into each of `events`' payloads. */
  payloadPatch?: SQL;
  /**
   * Events built from rows, e.g. `select type, subject, channel_id, payload from <cte>`: exactly
   * `count` rows of (type text, subject text, channel_id text, payload jsonb).
   */
  sqlEvents?: { select: SQL; count: number };
  /** A value to read back (a select-list expression), e.g. `(select number from o)`. */
  result?: SQL;
}

const REFUSED = 'one statement: a part did not write what it expected';

/** Statements written and refused in this process (shown by tests; a refusal means a fallback ran). */
export const oneStatementStats = { written: 0, refused: 0 };

/** True for the error of a statement whose parts did not all write what they expected. */
export function isStatementRefused(err: unknown): boolean {
  // The database's own error sits under the driver's wrapper (Drizzle puts it in `cause`).
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (e.code === '22P02') return String(e.message ?? '').includes(REFUSED);
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Runs the parts as one statement outside any transaction. Returns each part's `result` by name;
 * throws isStatementRefused (nothing written) when a part's row count differs from its expectation.
 */
export async function writeInOneStatement(
  ctx: Ctx,
  parts: StatementPart[],
): Promise<Record<string, unknown>> {
  if (ctx.inTx) throw new Error('a one-statement write is its own transaction');
  const id = (p: StatementPart) => sql.identifier(p.name);
  const ctes = parts.map((p) => sql`${id(p)} as (${p.statement})`);
  // Events keep the parts' order: a part's own events, then those built from its rows.
  const inMemory = parts.flatMap((p, part) =>
    (p.events?.list ?? []).map((e, i) => ({ ...e, part, ord: part * 1_000_000 + i })),
  );
  const patches = parts.flatMap((p, part) =>
    p.payloadPatch ? [sql`when ${sql.raw(String(part))} then ${p.payloadPatch}`] : [],
  );
  const patch = patches.length
    ? sql`case u.part ${sql.join(patches, sql` `)} else '{}'::jsonb end`
    : sql`'{}'::jsonb`;
  const sources = [
    sql`select u.id, u.type, u.subject, u.channel_id, u.payload::jsonb || ${patch} as payload, u.actor,
               u.request_id, u.occurred_at, u.ord
        from unnest(${sql.param(inMemory.map((e) => e.id))}::text[], ${sql.param(inMemory.map((e) => e.type))}::text[],
                    ${sql.param(inMemory.map((e) => e.subject))}::text[], ${sql.param(inMemory.map((e) => e.channelId))}::text[],
                    ${sql.param(inMemory.map((e) => e.payload))}::text[], ${sql.param(inMemory.map((e) => e.actor))}::text[],
                    ${sql.param(inMemory.map((e) => e.requestId))}::text[],
                    ${sql.param(inMemory.map((e) => e.occurredAt))}::timestamptz[], ${sql.param(inMemory.map((e) => e.part))}::int[],
                    ${sql.param(inMemory.map((e) => e.ord))}::bigint[])
             as u(id, type, subject, channel_id, payload, actor, request_id, occurred_at, part, ord)`,
  ];
  const now = ctx.clock.now().toISOString();
  for (const [part, p] of parts.entries()) {
    if (!p.sqlEvents || p.sqlEvents.count === 0) continue;
    const ids = Array.from({ length: p.sqlEvents.count }, () => newId('evt'));
    sources.push(
      sql`select (${sql.param(ids)}::text[])[s.n] as id, s.type, s.subject, s.channel_id, s.payload,
                 ${ctx.actor.id}::text as actor, ${ctx.requestId}::text as request_id,
                 ${now}::timestamptz as occurred_at, ${sql.raw(String(part * 1_000_000 + 500_000))} + s.n as ord
          from (select x.*, row_number() over () as n from (${p.sqlEvents.select}) x) s`,
    );
  }
  const ev = sql`ev as (insert into events (id, type, subject, channel_id, payload, actor, request_id, occurred_at)
        select s.id, s.type, s.subject, s.channel_id, s.payload, s.actor, s.request_id, s.occurred_at
        from (${sql.join(sources, sql` union all `)}) s order by s.ord
        returning type, payload)`;
  const expected = sql.join(
    parts.map((p) => sql`(select count(*) from ${id(p)}) = ${p.expectRows}`),
    sql` and `,
  );
  const results = parts.flatMap((p) => (p.result ? [sql`, ${p.result} as ${id(p)}`] : []));
  const checking = eventValidation();
  const r = await rows<Record<string, unknown>>(
    ctx.db,
    statement(ctes, ev, expected, results, checking),
  ).catch((err: unknown) => {
    if (isStatementRefused(err)) oneStatementStats.refused++;
    throw err;
  });
  oneStatementStats.written++;
  const row = r[0] ?? {};
  if (checking && row.written_events != null) {
    const w = row.written_events;
    checkEventContracts(
      (typeof w === 'string' ? JSON.parse(w) : w) as Array<{ type: string; payload: unknown }>,
    );
  }
  ctx.database.notifier.notify();
  return row;
}

const statement = (ctes: SQL[], ev: SQL, expected: SQL, results: SQL[], checking: boolean) =>
  sql`with ${sql.join(ctes, sql`, `)}, ${ev}
      select (case when ${expected} then '1' else ${REFUSED} end)::int as ok
             ${checking ? sql`, (select jsonb_agg(jsonb_build_object('type', type, 'payload', payload)) from ev) as written_events` : sql``}
             ${sql.join(results, sql``)}`;
