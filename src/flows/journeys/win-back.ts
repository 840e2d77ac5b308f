// Win-back: once a day one node leases the sweep, pages through the customers whose newest order
// (on any channel) is the journey's delay old, give or take the week before, and starts one run per
// last order (a customer who lapsed and was won back can lapse again; the same lapse never twice).
// An order ends the run (triggers.ts).
import type { StartRun } from '../../modules/journeys/index.js';
import type { Ctx } from '../../platform/context.js';
import type { JourneysFlowDeps } from './deps.js';
import type { Leases } from './leases.js';

const SWEEP = 'win_back';
const DAY_MS = 86_400_000;
/** A lapse older than this when the sweep first sees it is left alone (enabling the journey messages no one from years ago). */
const WINDOW_MS = 7 * DAY_MS;
const PAGE = 500;

export function createWinBack(deps: JourneysFlowDeps, leases: Leases) {
  return {
    /** The daily sweep (at once when `force`, e.g. from the admin); returns how many runs it started. */
    async sweep(ctx: Ctx, force = false): Promise<number> {
      const settings = await deps.journeys.settingsOf(ctx, 'win_back');
      if (!settings.enabled) return 0;
      if (!(await deps.backInStock.claimSweep(ctx, SWEEP, leases.owner, force))) return 0;
      let started = 0;
      try {
        const to = new Date(ctx.clock.now().getTime() - settings.delaySeconds * 1000);
        const from = new Date(to.getTime() - WINDOW_MS);
        for (let after: string | null = null; ; ) {
          const page = await deps.customers.lastOrderedIn(ctx, { from, to, after, limit: PAGE });
          const starts: StartRun[] = page.map((c) => ({
            journey: 'win_back',
            customerId: c.id,
            runKey: `${c.id}@${c.lastOrderAt.toISOString()}`,
            ref: c.id,
            channelId: null,
            vars: {},
          }));
          const known = await deps.backInStock.knownRunKeys(
            ctx,
            'win_back',
            starts.map((s) => s.runKey),
          );
          started += (
            await deps.journeys.startMany(
              ctx,
              starts.filter((s) => !known.has(s.runKey)),
            )
          ).length;
          if (page.length < PAGE || !(await deps.backInStock.renewSweep(ctx, SWEEP, leases.owner))) break;
          after = page[page.length - 1]!.id;
        }
      } finally {
        await deps.backInStock.finishSweep(ctx, SWEEP, leases.owner, DAY_MS);
      }
      if (started) deps.wake?.runs();
      return started;
    },
  };
}
