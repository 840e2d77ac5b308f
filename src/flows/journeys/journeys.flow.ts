// The journeys flow: events start and end runs (triggers), the sweeper turns due steps into queued
// messages (steps), the delivery job sends them under the send-time rules (deliver); plus a
// customer's messages and one-click unsubscribe.
import { notFound } from '../../kernel/index.js';
import type { JourneyRun, JourneysService } from '../../modules/journeys/index.js';
import type { MessagingService, Send } from '../../modules/messaging/index.js';
import type { Ctx } from '../../platform/context.js';
import { createBackInStock } from './back-in-stock.js';
import { createBirthday } from './birthday.js';
import { createDelivery } from './deliver.js';
import type { JourneysFlowDeps } from './deps.js';
import { createLeases } from './leases.js';
import { createSteps } from './steps.js';
import { createTriggers } from './triggers.js';
import { createWinBack } from './win-back.js';

export interface JourneysFlow {
  journeys: JourneysService;
  messaging: MessagingService;
  deps: JourneysFlowDeps;
  /** Starts and ends runs from a batch of the log's events. */
  handleEvents: ReturnType<typeof createTriggers>['handle'];
  /** Acts on due runs; returns how many messages it queued. */
  sweep(ctx: Ctx): Promise<number>;
  /** Sends due messages under the send-time rules; returns how many it handled. */
  deliverDue(ctx: Ctx): Promise<number>;
  /** This node's name on the runs and sends it leases. */
  readonly leaseOwner: string;
  /** Extends the leases on the runs and sends this node is acting on (the process heartbeat's work). */
  renewLeases(ctx: Ctx): Promise<void>;
  /** The customer's send log (newest first), each message with the journey that sent it, and their runs. */
  customerMessages(
    ctx: Ctx,
    customerId: string,
  ): Promise<{ messages: Array<Send & { journey: string | null }>; runs: JourneyRun[] }>;
  /** One-click unsubscribe: the token's customer denies the purpose everywhere; false for a bad token. */
  unsubscribe(ctx: Ctx, token: string): Promise<boolean>;
  /** A customer's wish to hear when a sold-out variant is back on a channel. */
  subscribeBackInStock: ReturnType<typeof createBackInStock>['subscribe'];
  /** The pending subscription a double opt-in link names (null: forged, altered or expired). */
  readBackInStockConfirmation: ReturnType<typeof createBackInStock>['readConfirmation'];
  /** The double opt-in click: activates the subscription and records the consent, once. */
  confirmBackInStock: ReturnType<typeof createBackInStock>['confirm'];
  /** The daily win-back sweep (when due, or at once when forced); returns how many runs it started. */
  winBackSweep(ctx: Ctx, force?: boolean): Promise<number>;
  /** The hourly birthday sweep (when due, or at once when forced); returns how many runs it started. */
  birthdaySweep(ctx: Ctx, force?: boolean): Promise<number>;
}

export function createJourneysFlow(deps: JourneysFlowDeps): JourneysFlow {
  const triggers = createTriggers(deps);
  const leases = createLeases(deps);
  const steps = createSteps(deps, leases);
  const delivery = createDelivery(deps, leases);
  const winBack = createWinBack(deps, leases);
  const birthday = createBirthday(deps, leases);
  const backInStock = createBackInStock(deps);
  return {
    subscribeBackInStock: backInStock.subscribe,
    readBackInStockConfirmation: backInStock.readConfirmation,
    confirmBackInStock: backInStock.confirm,
    winBackSweep: winBack.sweep,
    birthdaySweep: birthday.sweep,
    journeys: deps.journeys,
    messaging: deps.messaging,
    deps,
    handleEvents: triggers.handle,
    sweep: steps.sweep,
    deliverDue: delivery.deliverDue,
    leaseOwner: leases.owner,
    renewLeases: leases.renew,
    async customerMessages(ctx, customerId) {
      const subject = (await deps.customers.subjects(ctx, [customerId], { facts: false })).get(customerId);
      if (!subject) throw notFound('customer', customerId);
      const [messages, runs] = await Promise.all([
        deps.messaging.sendsOf(ctx, subject.profileIds),
        deps.journeys.runsOf(ctx, subject.profileIds),
      ]);
      const journeyOf = new Map(runs.map((r) => [r.id, r.journey]));
      return {
        messages: messages.map((m) => ({ ...m, journey: (m.runId && journeyOf.get(m.runId)) || null })),
        runs,
      };
    },
    async unsubscribe(ctx, token) {
      const t = await deps.messaging.readUnsubscribeToken(ctx, token);
      if (!t) return false;
      try {
        await deps.customers.setConsent(ctx, t.customerId, {
          purpose: t.purpose,
          channel: '*',
          granted: false,
        });
      } catch {
        return false; // erased since: nothing left to unsubscribe
      }
      return true;
    },
  };
}
