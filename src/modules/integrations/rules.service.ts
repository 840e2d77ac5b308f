// Workflow rules: "when <event type> [and <JSONata condition>] then <actions>", stored, versioned
// (every change is a new version with its definition kept), enabled/disabled, and evaluated without
// side effects here, so a dry run on a sample event shows exactly what a real run would do.

import { newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type CloudEvent, toCloudEvent } from '../../platform/events/cloudevents.js';
import { appendEvent, type StoredEvent } from '../../platform/events/event-log.js';
import { checkJsonata, evaluateJsonata } from '../../platform/jsonata.js';
import { INTEGRATION_EVENTS } from './integrations.events.js';
import {
  bumpFired,
  deleteRuleRow,
  saveRule,
  selectRule,
  selectRules,
  selectRuleVersions,
} from './rules.repository.js';
import {
  type DryRunResult,
  type PlannedAction,
  type Rule,
  RuleInput,
  type RulePatch,
  SampleEvent,
} from './rules.types.js';
import { matchesType } from './webhook-body.js';

function checkExpressions(rule: { condition?: string | null | undefined; actions?: RuleInput['actions'] }) {
  const check = (expr: string | null | undefined, path: string) => checkJsonata(expr, path, path);
  check(rule.condition, 'condition');
  rule.actions?.forEach((a, i) => {
    if ('customer' in a) check(a.customer, `actions.${i}.customer`);
    if (a.type === 'customer.update') check(a.traits, `actions.${i}.traits`);
  });
}

const truthy = (v: unknown) => v !== undefined && v !== null && v !== false && v !== 0 && v !== '';

/** The traits an update action sets: its expression must give an object with at least one key. */
async function traitsOf(
  expr: string,
  event: CloudEvent,
): Promise<{ traits: Record<string, unknown> } | { error: string }> {
  try {
    const v = await evaluateJsonata(expr, event, 'The traits expression');
    if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length === 0)
      return { error: 'the traits expression gave no object of traits' };
    // JSONata's results carry internal markers; JSON keeps only the data.
    return { traits: JSON.parse(JSON.stringify(v)) as Record<string, unknown> };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** What a rule does with one event, without doing it. */
export async function evaluateRule(
  rule: Pick<Rule, 'eventType' | 'condition' | 'actions'>,
  event: CloudEvent,
): Promise<DryRunResult> {
  const typeMatches = matchesType([rule.eventType], event.type);
  if (!typeMatches) return { typeMatches, conditionResult: null, fires: false, actions: [] };
  let conditionResult: unknown = true;
  if (rule.condition) {
    try {
      conditionResult = await evaluateJsonata(rule.condition, event, 'The condition');
    } catch (err) {
      return { typeMatches, conditionResult: null, fires: false, actions: [], error: (err as Error).message };
    }
  }
  if (!truthy(conditionResult))
    return { typeMatches, conditionResult: conditionResult ?? null, fires: false, actions: [] };
  const actions: PlannedAction[] = [];
  for (const a of rule.actions) {
    if (a.type === 'webhook') {
      actions.push({ type: a.type, endpointId: a.endpointId, ...(a.purpose ? { purpose: a.purpose } : {}) });
      continue;
    }
    let customerId: string | null = null;
    let error: string | undefined;
    try {
      const v = await evaluateJsonata(a.customer ?? 'subject', event, 'The customer expression');
      customerId = typeof v === 'string' && v.startsWith('cus_') ? v : null;
      if (!customerId) error = 'the customer expression gave no customer id (cus_…)';
    } catch (err) {
      error = (err as Error).message;
    }
    let params: Pick<PlannedAction, 'text' | 'tag' | 'traits'>;
    if (a.type === 'customer.note') params = { text: a.text };
    else if (a.type === 'customer.tag') params = { tag: a.tag };
    else {
      const traits = await traitsOf(a.traits, event);
      params = 'traits' in traits ? { traits: traits.traits } : {};
      if ('error' in traits) error ??= traits.error;
    }
    actions.push({ type: a.type, customerId, ...params, ...(error ? { error } : {}) });
  }
  return { typeMatches, conditionResult: conditionResult ?? null, fires: true, actions };
}

export function sampleToCloudEvent(input: SampleEvent, now: Date): CloudEvent {
  const s = SampleEvent.parse(input);
  return toCloudEvent({
    id: s.id,
    position: 0,
    txId: 0,
    type: s.type,
    subject: s.subject,
    channelId: s.channelId,
    payload: s.data,
    actor: null,
    requestId: null,
    occurredAt: now,
    recordedAt: now,
  });
}

/** One saved definition of a rule. */
export interface RuleVersion {
  version: number;
  definition: unknown;
  createdAt: Date;
}

/** Workflow rules (event type + JSONata condition → actions), versioned, with dry runs. */
export interface RulesService {
  /** Creates a rule (its expressions are compiled first: a bad one is a 422). */
  createRule(ctx: Ctx, input: RuleInput): Promise<Rule>;
  /** Every change makes a new version; the previous definitions stay readable. */
  updateRule(ctx: Ctx, id: string, patch: RulePatch): Promise<Rule>;
  /** Deletes a rule. */
  deleteRule(ctx: Ctx, id: string): Promise<void>;
  /** A rule, or 404. */
  getRule(ctx: Ctx, id: string): Promise<Rule>;
  /** Every rule. */
  listRules(ctx: Ctx): Promise<Rule[]>;
  /** The rules that run (enabled ones). */
  enabledRules(ctx: Ctx): Promise<Rule[]>;
  /** A rule's versions with their definitions, oldest first. */
  ruleVersions(ctx: Ctx, id: string): Promise<RuleVersion[]>;
  /** Dry run of a stored rule, or of a definition not saved yet, on a sample event. */
  dryRun(ctx: Ctx, rule: string | RuleInput, sample: SampleEvent): Promise<DryRunResult>;
  /** What a rule does with a stored event (its condition and actions evaluated); writes nothing. */
  evaluate(rule: Rule, event: StoredEvent): Promise<DryRunResult>;
  /** Adds to the rules' fired counters. */
  recordFired(ctx: Ctx, counts: Map<string, number>): Promise<void>;
}

export function createRulesService(): RulesService {
  async function load(ctx: Ctx, id: string, forUpdate = false) {
    const r = await selectRule(ctx.db, id, forUpdate);
    if (!r) throw notFound('workflow rule', id);
    return r;
  }
  const changed = (tx: Ctx, r: Rule, change: string) =>
    appendEvent(tx, {
      type: INTEGRATION_EVENTS.ruleChanged,
      subject: r.id,
      payload: { ruleId: r.id, version: r.version, enabled: r.enabled, change },
    });

  return {
    async createRule(ctx: Ctx, input: RuleInput): Promise<Rule> {
      const parsed = RuleInput.parse(input);
      checkExpressions(parsed);
      const now = ctx.clock.now();
      return inTransaction(ctx, async (tx) => {
        const rule = await saveRule(tx.db, {
          id: newId('wfr'),
          ...parsed,
          version: 1,
          firedCount: 0,
          createdAt: now,
          updatedAt: now,
        });
        await changed(tx, rule, 'created');
        return rule;
      });
    },

    /** Every change makes a new version; the previous definitions stay readable. */
    async updateRule(ctx: Ctx, id: string, patch: RulePatch): Promise<Rule> {
      checkExpressions(patch);
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        const rule = await saveRule(tx.db, {
          ...current,
          ...patch,
          version: current.version + 1,
          updatedAt: ctx.clock.now(),
        });
        await changed(tx, rule, 'updated');
        return rule;
      });
    },

    async deleteRule(ctx: Ctx, id: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        await deleteRuleRow(tx.db, id);
        await changed(tx, current, 'deleted');
      });
    },

    getRule: (ctx: Ctx, id: string) => load(ctx, id),
    listRules: (ctx: Ctx) => selectRules(ctx.db),
    enabledRules: (ctx: Ctx) => selectRules(ctx.db, true),
    ruleVersions: async (ctx: Ctx, id: string) => {
      await load(ctx, id);
      return selectRuleVersions(ctx.db, id);
    },

    /** Dry run of a stored rule, or of a definition not saved yet, on a sample event. */
    async dryRun(ctx: Ctx, rule: string | RuleInput, sample: SampleEvent): Promise<DryRunResult> {
      const def = typeof rule === 'string' ? await load(ctx, rule) : RuleInput.parse(rule);
      if (typeof rule !== 'string') checkExpressions(def);
      return evaluateRule(def, sampleToCloudEvent(sample, ctx.clock.now()));
    },

    evaluate: (rule: Rule, event: StoredEvent) => evaluateRule(rule, toCloudEvent(event)),

    recordFired: (ctx: Ctx, counts: Map<string, number>) => bumpFired(ctx.db, counts),
  };
}
