// Journeys: triggered journeys (abandoned cart, pickup ready, back in stock, post-purchase, win-back,
// tier reached) with steps (delay, condition, channel choice, exit), one active run per journey and
// customer (or order), back-in-stock subscriptions, and durable timers in the database
// (`journey_runs.due_at`, leased by a sweeper) so a restart resumes every run. What starts and ends
// a run, and what a step sends, is flows/journeys' (it reads carts, orders and customers).
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export {
  type BackInStockService,
  type BackInStockSubscription,
  CONFIRM_WINDOW_MS,
  CONFIRMATIONS_PER_HOUR,
  createBackInStockService,
  eraseBackInStockOfCustomers,
  RESEND_AFTER_MS,
} from './back-in-stock.service.js';
export {
  JOURNEY_KEYS,
  JOURNEYS,
  type JourneyDefinition,
  type JourneyKey,
  type JourneyStep,
} from './definitions.js';
export type { JourneyRun } from './journeys.repository.js';
export {
  createJourneysService,
  type JourneySettings,
  type JourneySummary,
  type JourneysService,
  type StartRun,
  stepDelaySeconds,
} from './journeys.service.js';

export const journeysMigrations: MigrationSet = {
  name: 'journeys',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
