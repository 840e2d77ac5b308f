// The journeys' background: a durable consumer of the log's cart and order events (starts and ends
// runs), the sweeper of due runs and the delivery job (both every second, woken at once when a run
// or a message becomes due now). Every node may run them: rows are leased with SKIP LOCKED to a
// node, renewed on the process heartbeat.
import type { Clock } from '../../kernel/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { startConsumer } from '../../platform/events/consumer.js';
import { onHeartbeat } from '../../platform/events/lease-heartbeat.js';
import { startPeriodicJob } from '../../platform/jobs/periodic-job.js';
import type { JourneysFlow } from './journeys.flow.js';
import { TRIGGER_EVENT_TYPES } from './triggers.js';

export function startJourneysBackground(opts: {
  database: Database;
  flow: JourneysFlow;
  clock: Clock;
  log: Logger;
}) {
  const ctx = () => createContext(opts.database, { clock: opts.clock, log: opts.log });
  const sweeper = startPeriodicJob({
    name: 'journeys-sweep',
    ctx,
    run: (c) => opts.flow.sweep(c),
    intervalMs: 1_000,
  });
  const delivery = startPeriodicJob({
    name: 'messaging-deliver',
    ctx,
    run: (c) => opts.flow.deliverDue(c),
    intervalMs: 1_000,
  });
  // Due once a day (journey_sweeps.next_at); checking each minute costs one statement.
  const winBack = startPeriodicJob({
    name: 'journeys-win-back',
    ctx,
    run: (c) => opts.flow.winBackSweep(c),
    intervalMs: 60_000,
  });
  // Due once an hour: a birthday starts in the customer's own morning, whatever their zone.
  const birthday = startPeriodicJob({
    name: 'journeys-birthday',
    ctx,
    run: (c) => opts.flow.birthdaySweep(c),
    intervalMs: 60_000,
  });
  // The runs and sends being acted on keep their short leases on the process heartbeat: a dead
  // node's are taken over in seconds, a live node's never.
  const stopLeases = onHeartbeat(opts.database, () => opts.flow.renewLeases(ctx()));
  opts.flow.deps.wake = { runs: () => void sweeper.runNow(), sends: () => void delivery.runNow() };
  const consumer = startConsumer({
    database: opts.database,
    name: 'journeys.triggers',
    log: opts.log,
    filter: { types: [...TRIGGER_EVENT_TYPES] },
    // A hub that gets journeys late must not message every cart it ever saw.
    startAt: 'head',
    handle: (events) => opts.flow.handleEvents(ctx(), events),
  });
  return {
    consumer,
    sweeper,
    delivery,
    winBack,
    birthday,
    async stop() {
      await consumer.stop();
      await sweeper.stop();
      await winBack.stop();
      await birthday.stop();
      await delivery.stop();
      stopLeases();
    },
  };
}
