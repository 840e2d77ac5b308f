// SQL of journeys: settings and runs (the durable timers), leased by the sweeper.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
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

type RunStart = Omit<JourneyRun, 'status' | 'exitReason' | 'updatedAt' | 'step' | 'dueAt'> & { dueAt: Date };

/**
 * Starts runs, or (one active run per journey and key) touches the active one: new ref and values,
 * and while its first step is still waiting, the timer starts again. One statement for the batch
 * (one row per journey and key: the caller folds repeats). Returns the runs.
 */
export async function upsertRuns(exec: Executor, list: RunStart[]): Promise<JourneyRun[]> {
  if (list.length === 0) return [];
  const json = list.map((r) => ({
    id: r.id,
    journey: r.journey,
    customer_id: r.customerId,
    run_key: r.runKey,
    ref: r.ref,
    channel_id: r.channelId,
    due_at: r.dueAt.toISOString(),
    vars: r.vars,
    started_at: r.startedAt.toISOString(),
  }));
  return (
    await rows<RunRow>(
      exec,
      sql`insert into journey_runs (id, journey, customer_id, run_key, ref, channel_id, step, status, due_at, vars, started_at, updated_at)
          select x.id, x.journey, x.customer_id, x.run_key, x.ref, x.channel_id, 0, 'active', x.due_at, x.vars, x.started_at, x.started_at
          from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(id text, journey text, customer_id text, run_key text,
            ref text, channel_id text, due_at timestamptz, vars jsonb, started_at timestamptz)
          on conflict (journey, run_key) where status = 'active' do update set ref = excluded.ref,
            channel_id = excluded.channel_id, vars = journey_runs.vars || excluded.vars, updated_at = excluded.updated_at,
            due_at = case when journey_runs.step = 0 then excluded.due_at else journey_runs.due_at end
          returning *`,
    )
  ).map(toRun);
}

export interface RunExit {
  journey: string;
  runKeys: string[];
  refs: string[];
  reason: string;
}

/** Ends the active runs matching each exit's run key or ref (one statement for all); returns them. */
export async function exitRuns(exec: Executor, exits: RunExit[], now: Date): Promise<JourneyRun[]> {
  const json = exits.flatMap((x) => [
    ...x.runKeys.map((k) => ({ journey: x.journey, run_key: k, ref: null, reason: x.reason })),
    ...x.refs.map((r) => ({ journey: x.journey, run_key: null, ref: r, reason: x.reason })),
  ]);
  if (json.length === 0) return [];
  return (
    await rows<RunRow>(
      exec,
      sql`update journey_runs r set status = 'exited', exit_reason = x.reason, due_at = null, lease_until = null,
            lease_owner = null, updated_at = ${now.toISOString()}
          from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(journey text, run_key text, ref text, reason text)
          where r.journey = x.journey and r.status = 'active' and (r.run_key = x.run_key or r.ref = x.ref)
          returning r.*`,
    )
  ).map(toRun);
}

/** Leases due runs to `owner` (SKIP LOCKED: another node takes others; an expired lease is free). */
export async function claimDueRuns(
  exec: Executor,
  o: { now: Date; leaseUntil: Date; limit: number; owner: string },
) {
  return (
    await rows<RunRow>(
      exec,
      sql`with due as (select id from journey_runs where status = 'active' and due_at <= ${o.now.toISOString()}
            and (lease_until is null or lease_until < ${o.now.toISOString()})
            order by due_at limit ${o.limit} for update skip locked)
          update journey_runs r set lease_until = ${o.leaseUntil.toISOString()}, lease_owner = ${o.owner}
          from due where r.id = due.id
          returning r.*`,
    )
  ).map(toRun);
}

/** Extends the leases `owner` still holds on these runs (its heartbeat while it lives). */
export async function extendRunLeases(exec: Executor, ids: string[], leaseUntil: Date, owner: string) {
  if (!ids.length) return;
  await exec.execute(
    sql`update journey_runs set lease_until = ${leaseUntil.toISOString()}
        where id = any(${sql.param(ids)}::text[]) and status = 'active' and lease_owner = ${owner}`,
  );
}

export interface RunAdvance {
  id: string;
  /** The step the run was leased at: a run another node moved on since is not moved again. */
  fromStep: number;
  step: number;
  dueAt: Date | null;
  status: 'active' | 'completed' | 'exited';
  reason: string | null;
}

/**
 * Moves leased, still active runs to their next step (or completes or exits them), only those
 * `owner` still holds at the step it leased; returns the ids moved (one statement for the batch).
 */
export async function advanceRuns(
  exec: Executor,
  list: RunAdvance[],
  o: { owner: string; now: Date },
): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  const json = list.map((a) => ({
    id: a.id,
    from_step: a.fromStep,
    step: a.step,
    due_at: a.dueAt?.toISOString() ?? null,
    status: a.status,
    reason: a.reason,
  }));
  const r = await rows<{ id: string }>(
    exec,
    sql`update journey_runs r set step = x.step, due_at = x.due_at, status = x.status,
          exit_reason = coalesce(x.reason, r.exit_reason), lease_until = null, lease_owner = null,
          updated_at = ${o.now.toISOString()}
        from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(id text, from_step int, step int,
          due_at timestamptz, status text, reason text)
        where r.id = x.id and r.status = 'active' and r.step = x.from_step and r.lease_owner = ${o.owner}
        returning r.id`,
  );
  return new Set(r.map((x) => x.id));
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
