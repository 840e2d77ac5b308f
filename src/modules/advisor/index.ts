// Advisor: the retailer's own answers (type of commerce, customers and their loyalty, sales volume,
// years in business, goals), stored once per hub, and the rules that turn them and the measured
// omnichannel score into which channels and capabilities to integrate next, and why. The score itself
// is measured by flows/omnichannel-score from the other modules' figures.
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { MigrationSet } from '../../platform/db/migrate.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { ADVISOR_EVENTS } from './advisor.events.js';
import { selectProfile, upsertProfile } from './advisor.repository.js';
import { advise } from './advisor.rules.js';
import type { Advice, AdvisorInput, RetailerProfile } from './advisor.types.js';

export { ADVISOR_EVENT_SCHEMAS, ADVISOR_EVENTS } from './advisor.events.js';
export { ADVISOR_RULES, type AdvisorRule, advise } from './advisor.rules.js';
export * from './advisor.types.js';

export interface AdvisorService {
  /** The retailer's saved profile, or null before the form was first saved. */
  getProfile(ctx: Ctx): Promise<{ profile: RetailerProfile; updatedAt: Date } | null>;
  /** Replaces the retailer's profile (validated by the route's schema). */
  saveProfile(ctx: Ctx, profile: RetailerProfile): Promise<{ profile: RetailerProfile; updatedAt: Date }>;
  /** What to integrate next and why (pure: the rules table over the input). */
  advise(input: AdvisorInput): Advice[];
}

export function createAdvisorService(): AdvisorService {
  return {
    getProfile: async (ctx) => (await selectProfile(ctx.db)) ?? null,
    saveProfile: (ctx, profile) =>
      inTransaction(ctx, async (tx) => {
        const at = tx.clock.now();
        await upsertProfile(tx.db, profile, at);
        await appendEvent(tx, {
          type: ADVISOR_EVENTS.profileSaved,
          subject: 'retailer',
          channelId: null,
          payload: { commerceType: profile.commerceType, goals: profile.goals },
        });
        return { profile, updatedAt: at };
      }),
    advise: (input) => advise(input),
  };
}

export const advisorMigrations: MigrationSet = {
  name: 'advisor',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
