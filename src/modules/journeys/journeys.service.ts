// Journey rules: settings per journey, starting or touching a run, exits, the due runs a sweeper
// leases, and the live counts per step the admin shows.
import { newId, notFound } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { LEASE_MS } from '../../platform/events/lease-heartbeat.js';
import { JOURNEY_KEYS, JOURNEYS, type JourneyDefinition, type JourneyKey } from './definitions.js';
import type { JourneyRun, RunExit } from './journeys.repository.js';
import * as repo from './journeys.repository.js';

export interface JourneySettings {
  enabled: boolean;
  delaySeconds: number;
  channelOrder: string[];
}

export interface JourneySummary extends JourneySettings {
  key: JourneyKey;
  purpose: JourneyDefinition['purpose'];
  steps: Array<{ index: number; template: string; afterSeconds: number; waiting: number }>;
  active: number;
  completed: number;
  exited: number;
  /** Runs that ended because the customer bought (abandoned cart) or collected (pickup). */
  converted: number;
}

export interface StartRun {
  journey: JourneyKey;
  customerId: string;
  runKey: string;
  ref: string;
  channelId: string | null;
  vars: Record<string, string>;
}

export interface JourneysService {
  /** A journey's settings (its defaults until saved). */
  settingsOf(ctx: Ctx, key: JourneyKey): Promise<JourneySettings>;
  saveSettings(ctx: Ctx, key: string, input: JourneySettings): Promise<JourneySummary>;
  /** Every journey with its settings and live counts (customers waiting at each step, ended runs). */
  list(ctx: Ctx): Promise<JourneySummary[]>;
  /**
   * Starts runs, or touches the active one of the same journey and key (the first step's timer
   * starts again), in one write; a disabled journey starts none. Returns the runs written.
   */
  startMany(ctx: Ctx, inputs: StartRun[]): Promise<JourneyRun[]>;
  /** Ends active runs of journeys by key or ref (the exit events came), in one write; returns those ended. */
  exitMany(ctx: Ctx, exits: Array<{ journey: JourneyKey } & Omit<RunExit, 'journey'>>): Promise<JourneyRun[]>;
  /** Leases due runs to `owner` for LEASE_MS (its heartbeat renews them; another node takes others). */
  claimDue(ctx: Ctx, limit: number, owner: string): Promise<JourneyRun[]>;
  /** Extends `owner`'s leases on runs it is still acting on. */
  renewLeases(ctx: Ctx, ids: string[], owner: string): Promise<void>;
  /**
   * After runs' steps acted (or exited): each to its next step's due time, completed after the
   * last, or exited with a reason; only runs `owner` still holds. Returns the ids moved.
   */
  advanceMany(
    ctx: Ctx,
    list: Array<{ run: JourneyRun; exitReason?: string | undefined }>,
    owner: string,
  ): Promise<Set<string>>;
  runsOf(ctx: Ctx, customerIds: string[]): Promise<JourneyRun[]>;
}

export function stepDelaySeconds(def: JourneyDefinition, step: number, settings: JourneySettings): number {
  const s = def.steps[step];
  return !s ? 0 : s.after === 'delay' ? settings.delaySeconds : s.after;
}

export function createJourneysService(): JourneysService {
  async function allSettings(ctx: Ctx): Promise<Map<string, JourneySettings>> {
    const stored = new Map((await repo.selectSettings(ctx.db)).map((r) => [r.key, r]));
    return new Map(
      JOURNEY_KEYS.map((k) => {
        const r = stored.get(k);
        return [
          k,
          r
            ? { enabled: r.enabled, delaySeconds: r.delay_seconds, channelOrder: r.channel_order }
            : JOURNEYS[k].defaults,
        ];
      }),
    );
  }
  const settingsOf = async (ctx: Ctx, key: JourneyKey) => (await allSettings(ctx)).get(key)!;

  async function list(ctx: Ctx): Promise<JourneySummary[]> {
    const [settings, counts] = await Promise.all([allSettings(ctx), repo.countRuns(ctx.db)]);
    return JOURNEY_KEYS.map((key) => {
      const def = JOURNEYS[key];
      const s = settings.get(key)!;
      const mine = counts.filter((c) => c.journey === key);
      const sum = (f: (c: (typeof mine)[number]) => boolean) =>
        mine.filter(f).reduce((n, c) => n + Number(c.n), 0);
      return {
        key,
        purpose: def.purpose,
        ...s,
        steps: def.steps.map((st, index) => ({
          index,
          template: st.template,
          afterSeconds: stepDelaySeconds(def, index, s),
          waiting: sum((c) => c.status === 'active' && c.step === index),
        })),
        active: sum((c) => c.status === 'active'),
        completed: sum((c) => c.status === 'completed'),
        exited: sum((c) => c.status === 'exited'),
        converted: sum(
          (c) => c.status === 'exited' && (c.exit_reason === 'purchased' || c.exit_reason === 'collected'),
        ),
      };
    });
  }

  return {
    settingsOf,
    list,
    async saveSettings(ctx, key, input) {
      if (!(JOURNEY_KEYS as readonly string[]).includes(key)) throw notFound('journey', key);
      await repo.upsertSettings(ctx.db, { key, ...input, now: ctx.clock.now() });
      return (await list(ctx)).find((j) => j.key === key)!;
    },
    async startMany(ctx, inputs) {
      if (inputs.length === 0) return [];
      const settings = await allSettings(ctx);
      const now = ctx.clock.now();
      // One row per journey and key (a statement may not touch a row twice): the last event's ref
      // and channel, every event's values.
      const folded = new Map<string, Parameters<typeof repo.upsertRuns>[1][number]>();
      for (const input of inputs) {
        const s = settings.get(input.journey)!;
        if (!s.enabled) continue;
        const k = `${input.journey}\n${input.runKey}`;
        const delay = stepDelaySeconds(JOURNEYS[input.journey], 0, s);
        const vars = { ...folded.get(k)?.vars, ...input.vars };
        folded.delete(k);
        folded.set(k, {
          ...input,
          vars,
          id: newId('jrn'),
          dueAt: new Date(now.getTime() + delay * 1000),
          startedAt: now,
        });
      }
      return repo.upsertRuns(ctx.db, [...folded.values()]);
    },
    exitMany: (ctx, exits) => repo.exitRuns(ctx.db, exits, ctx.clock.now()),
    claimDue(ctx, limit, owner) {
      const now = ctx.clock.now();
      return repo.claimDueRuns(ctx.db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit, owner });
    },
    renewLeases: (ctx, ids, owner) =>
      repo.extendRunLeases(ctx.db, ids, new Date(ctx.clock.now().getTime() + LEASE_MS), owner),
    async advanceMany(ctx, list, owner) {
      if (list.length === 0) return new Set();
      const now = ctx.clock.now();
      const settings = await allSettings(ctx);
      const moves = list.map(({ run, exitReason }): repo.RunAdvance => {
        const base = { id: run.id, fromStep: run.step, reason: exitReason ?? null };
        if (exitReason) return { ...base, step: run.step, dueAt: null, status: 'exited' };
        const def = JOURNEYS[run.journey as JourneyKey];
        const next = run.step + 1;
        if (!def || next >= def.steps.length)
          return { ...base, step: next, dueAt: null, status: 'completed' };
        const delay = stepDelaySeconds(def, next, settings.get(def.key)!);
        return { ...base, step: next, dueAt: new Date(now.getTime() + delay * 1000), status: 'active' };
      });
      return repo.advanceRuns(ctx.db, moves, { owner, now });
    },
    runsOf: (ctx, ids) => repo.selectRunsOfCustomers(ctx.db, ids),
  };
}
