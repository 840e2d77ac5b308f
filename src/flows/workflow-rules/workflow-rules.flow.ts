// Runs workflow rules from the event log: for each committed event, every enabled rule whose type
// matches and whose JSONata condition holds runs its actions — a signed webhook (through the
// delivery queue), or on the customer (through the customers module) a timeline note, a tag, or
// traits set from the event. Actions are idempotent per (rule, event): the customer ones record a
// timeline entry keyed by rule, event and action in the same transaction as their change, so the
// at-least-once consumer never doubles an effect.
import type { Clock } from '../../kernel/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import {
  INTEGRATION_EVENTS,
  type RulesService,
  type WebhooksService,
} from '../../modules/integrations/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import { type Ctx, createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';

/** What the customers module offers rules; absent = customer actions fail. */
export type CustomerActions = Pick<CustomersService, 'recordTimelineEntry' | 'changeTags' | 'updateTraits'>;

export interface WorkflowRulesDeps {
  database: Database;
  rules: RulesService;
  webhooks: WebhooksService;
  customers?: CustomerActions | undefined;
  clock: Clock;
  log: Logger;
  /** Called after a rule queued webhook deliveries (wakes the delivery loops). */
  onWebhookQueued?: () => void;
}

/**
 * The enabled rules are kept between batches: every rule change appends integration.rule_changed,
 * and a batch holding one reloads them. The 1 s limit covers a lease that moved here from another
 * node (which saw those events); leases move once a dead node misses its heartbeats (6 s).
 */
const RULES_CACHE_MS = 1_000;

export function startWorkflowRules(deps: WorkflowRulesDeps): RunningConsumer {
  const ctx = createContext(deps.database, { clock: deps.clock, log: deps.log });
  const cache = createTtlCache<'enabled', Awaited<ReturnType<RulesService['enabledRules']>>>({
    ttlMs: RULES_CACHE_MS,
    max: 1,
  });
  return startConsumer({
    database: deps.database,
    name: 'workflow-rules',
    log: deps.log,
    startAt: 'head',
    handle: async (events) => {
      const changed = events.some((e) => e.type === INTEGRATION_EVENTS.ruleChanged);
      let rules = changed ? undefined : cache.get('enabled');
      if (!rules) {
        rules = await deps.rules.enabledRules(ctx);
        cache.set('enabled', rules);
      }
      if (rules.length === 0) return;
      const fired = new Map<string, number>();
      let queued = false;
      // The hub's own integration events never trigger rules, so rules cannot feed themselves.
      for (const event of events.filter((e) => !e.type.startsWith('integration.'))) {
        for (const rule of rules) {
          const result = await deps.rules.evaluate(rule, event);
          if (!result.fires) continue;
          fired.set(rule.id, (fired.get(rule.id) ?? 0) + 1);
          for (const [i, action] of result.actions.entries()) {
            try {
              queued = (await runAction(ctx, deps, rule.id, event, action, i)) || queued;
            } catch (err) {
              deps.log.warn(
                { err, ruleId: rule.id, eventId: event.id, action: action.type },
                'workflow action failed',
              );
            }
          }
        }
      }
      await deps.rules.recordFired(ctx, fired);
      if (queued) deps.onWebhookQueued?.();
    },
  });
}

async function runAction(
  ctx: Ctx,
  deps: WorkflowRulesDeps,
  ruleId: string,
  event: StoredEvent,
  action: Awaited<ReturnType<RulesService['evaluate']>>['actions'][number],
  index: number,
): Promise<boolean> {
  const ref = `${ruleId}:${event.id}`;
  if (action.type === 'webhook' && action.endpointId) {
    // A purpose (the action's, else the endpoint's) asks the customer's consent first; a refusal
    // is written to the delivery log as a suppressed delivery with the reason.
    return deps.webhooks.enqueueForEndpoint(ctx, action.endpointId, event, `rule:${ref}`, action.purpose);
  }
  if (action.error || !action.customerId) {
    deps.log.warn({ ruleId, eventId: event.id, error: action.error }, 'workflow action skipped');
    return false;
  }
  const customers = deps.customers;
  if (!customers) throw new Error('customer actions need the customers module');
  // Once per (rule, event, action): a rule's second action of the same type gets its own ref.
  const once = {
    ref: `${action.type}:${ref}${index > 0 ? `:${index}` : ''}`,
    channelId: event.channelId,
    occurredAt: event.occurredAt,
  };
  if (action.type === 'customer.tag' && action.tag) {
    await customers.changeTags(ctx, action.customerId, {
      add: [action.tag],
      channelId: event.channelId,
      once: { ...once, kind: 'workflow.tag', properties: { tag: action.tag, ruleId } },
    });
  } else if (action.type === 'customer.update' && action.traits) {
    await customers.updateTraits(ctx, action.customerId, {
      traits: action.traits,
      channelId: event.channelId,
      at: event.occurredAt,
      once: { ...once, kind: 'workflow.update', properties: { traits: Object.keys(action.traits), ruleId } },
    });
  } else if (action.type === 'customer.note') {
    await customers.recordTimelineEntry(ctx, action.customerId, {
      ...once,
      kind: 'workflow.note',
      properties: { text: action.text, ruleId },
    });
  }
  return false;
}
