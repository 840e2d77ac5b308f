// Journey rules: settings per journey, starting or touching a run, exits, the due runs a sweeper
// leases, and the live counts per step the admin shows.
import { newId, notFound } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { JOURNEY_KEYS, JOURNEYS, type JourneyDefinition, type JourneyKey } from './definitions.js';
import type { JourneyRun } from './journeys.repository.js';
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
  /** Starts a run, or touches the active one of the same key (the first step's timer starts again). */
  start(ctx: Ctx, input: StartRun): Promise<JourneyRun | null>;
  /** Ends active runs of a journey by key or ref (the exit event came); returns those ended. */
  exit(
    ctx: Ctx,
    journey: JourneyKey,
    o: { runKeys: string[]; refs: string[]; reason: string },
  ): Promise<JourneyRun[]>;
  /** Leases due runs for 30 s (another node takes others). */
  claimDue(ctx: Ctx, limit: number): Promise<JourneyRun[]>;
  /** After a run's step acted: the next step's due time, or completed after the last. */
  advance(ctx: Ctx, run: JourneyRun, o?: { exitReason?: string }): Promise<boolean>;
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
    async start(ctx, input) {
      const settings = await settingsOf(ctx, input.journey);
      if (!settings.enabled) return null;
      const now = ctx.clock.now();
      const delay = stepDelaySeconds(JOURNEYS[input.journey], 0, settings);
      return repo.upsertRun(ctx.db, {
        ...input,
        id: newId('jrn'),
        dueAt: new Date(now.getTime() + delay * 1000),
        startedAt: now,
      });
    },
    exit: (ctx, journey, o) => repo.exitRuns(ctx.db, { journey, ...o, now: ctx.clock.now() }),
    claimDue(ctx, limit) {
      const now = ctx.clock.now();
      return repo.claimDueRuns(ctx.db, { now, leaseUntil: new Date(now.getTime() + 30_000), limit });
    },
    async advance(ctx, run, o = {}) {
      const now = ctx.clock.now();
      if (o.exitReason)
        return repo.advanceRun(ctx.db, run.id, {
          step: run.step,
          dueAt: null,
          status: 'exited',
          reason: o.exitReason,
          now,
        });
      const def = JOURNEYS[run.journey as JourneyKey];
      const next = run.step + 1;
      if (!def || next >= def.steps.length)
        return repo.advanceRun(ctx.db, run.id, { step: next, dueAt: null, status: 'completed', now });
      const settings = await settingsOf(ctx, def.key);
      const dueAt = new Date(now.getTime() + stepDelaySeconds(def, next, settings) * 1000);
      return repo.advanceRun(ctx.db, run.id, { step: next, dueAt, status: 'active', now });
    },
    runsOf: (ctx, ids) => repo.selectRunsOfCustomers(ctx.db, ids),
  };
}
