// SQL of journeys: settings and runs (the durable timers), leased by the sweeper.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { journeyRuns, journeySettings } from './journeys.schema.js';

export interface JourneyRun {
  id: string;
  journey: string;
  customerId: string;
  runKey: string;
  ref: string;
  channelId: string | null;
  step: number;
  status: 'active' | 'completed' | 'exited';
  dueAt: Date | null;
  exitReason: string | null;
  vars: Record<string, string>;
  startedAt: Date;
  updatedAt: Date;
}

type RunRow = SqlRow<typeof journeyRuns>;
const toRun = (r: RunRow): JourneyRun => ({
  id: r.id,
  journey: r.journey,
  customerId: r.customer_id,
  runKey: r.run_key,
  ref: r.ref,
  channelId: r.channel_id,
  step: r.step,
  status: r.status as JourneyRun['status'],
  dueAt: r.due_at ? new Date(r.due_at) : null,
  exitReason: r.exit_reason,
  vars: r.vars,
  startedAt: new Date(r.started_at),
  updatedAt: new Date(r.updated_at),
});

export type SettingsRow = SqlRow<typeof journeySettings>;

export async function selectSettings(exec: Executor): Promise<SettingsRow[]> {
  return rows<SettingsRow>(exec, sql`select * from journey_settings`);
}

export async function upsertSettings(
  exec: Executor,
  s: { key: string; enabled: boolean; delaySeconds: number; channelOrder: string[]; now: Date },
): Promise<void> {
  await exec.execute(
    sql`insert into journey_settings (key, enabled, delay_seconds, channel_order, updated_at)
        values (${s.key}, ${s.enabled}, ${s.delaySeconds}, ${JSON.stringify(s.channelOrder)}::jsonb, ${s.now.toISOString()})
        on conflict (key) do update set enabled = excluded.enabled, delay_seconds = excluded.delay_seconds,
          channel_order = excluded.channel_order, updated_at = excluded.updated_at`,
  );
}

/**
 * Starts a run, or (one active run per journey and key) touches the active one: new ref and values,
 * and while its first step is still waiting, the timer starts again. Returns the run.
 */
export async function upsertRun(
  exec: Executor,
  r: Omit<JourneyRun, 'status' | 'exitReason' | 'updatedAt' | 'step' | 'dueAt'> & { dueAt: Date },
): Promise<JourneyRun> {
  return toRun(
    (await firstRow<RunRow>(
      exec,
      sql`insert into journey_runs (id, journey, customer_id, run_key, ref, channel_id, step, status, due_at, vars, started_at, updated_at)
          values (${r.id}, ${r.journey}, ${r.customerId}, ${r.runKey}, ${r.ref}, ${r.channelId}, 0, 'active',
            ${r.dueAt.toISOString()}, ${JSON.stringify(r.vars)}::jsonb, ${r.startedAt.toISOString()}, ${r.startedAt.toISOString()})
          on conflict (journey, run_key) where status = 'active' do update set ref = excluded.ref,
            channel_id = excluded.channel_id, vars = journey_runs.vars || excluded.vars, updated_at = excluded.updated_at,
            due_at = case when journey_runs.step = 0 then excluded.due_at else journey_runs.due_at end
          returning *`,
    ))!,
  );
}

/** Ends the active runs of a journey matching a run key or a ref; returns them. */
export async function exitRuns(
  exec: Executor,
  o: { journey: string; runKeys: string[]; refs: string[]; reason: string; now: Date },
): Promise<JourneyRun[]> {
  return (
    await rows<RunRow>(
      exec,
      sql`update journey_runs set status = 'exited', exit_reason = ${o.reason}, due_at = null, lease_until = null,
            updated_at = ${o.now.toISOString()}
          where journey = ${o.journey} and status = 'active'
            and (run_key = any(${sql.param(o.runKeys)}::text[]) or ref = any(${sql.param(o.refs)}::text[]))
          returning *`,
    )
  ).map(toRun);
}

export async function claimDueRuns(exec: Executor, o: { now: Date; leaseUntil: Date; limit: number }) {
  return (
    await rows<RunRow>(
      exec,
      sql`with due as (select id from journey_runs where status = 'active' and due_at <= ${o.now.toISOString()}
            and (lease_until is null or lease_until < ${o.now.toISOString()})
            order by due_at limit ${o.limit} for update skip locked)
          update journey_runs r set lease_until = ${o.leaseUntil.toISOString()} from due where r.id = due.id
          returning r.*`,
    )
  ).map(toRun);
}

/** Moves a leased, still active run to its next step (or completes it); false when it exited meanwhile. */
export async function advanceRun(
  exec: Executor,
  id: string,
  o: {
    step: number;
    dueAt: Date | null;
    status: 'active' | 'completed' | 'exited';
    reason?: string;
    now: Date;
  },
): Promise<boolean> {
  const r = await rows<{ id: string }>(
    exec,
    sql`update journey_runs set step = ${o.step}, due_at = ${o.dueAt?.toISOString() ?? null}::timestamptz,
          status = ${o.status}, exit_reason = coalesce(${o.reason ?? null}, exit_reason), lease_until = null,
          updated_at = ${o.now.toISOString()}
        where id = ${id} and status = 'active' returning id`,
  );
  return r.length > 0;
}

export async function countRuns(exec: Executor) {
  return rows<{ journey: string; step: number; status: string; exit_reason: string | null; n: number }>(
    exec,
    sql`select journey, step, status, exit_reason, count(*)::int as n from journey_runs
        group by journey, step, status, exit_reason`,
  );
}

export async function selectRunsOfCustomers(exec: Executor, ids: string[]): Promise<JourneyRun[]> {
  return (
    await rows<RunRow>(
      exec,
      sql`select * from journey_runs where customer_id = any(${sql.param(ids)}::text[]) order by started_at desc limit 50`,
    )
  ).map(toRun);
}
