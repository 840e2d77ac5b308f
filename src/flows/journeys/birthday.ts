// Birthday: once an hour one node leases the sweep, asks the customers module for the customers whose
// birthday trait (YYYY-MM-DD or --MM-DD, as Segment's identify sends it) falls on a month-day that is
// today somewhere on earth, and starts one run per customer and year for those whose local date (their
// timezone trait, else the hub's default zone) is their birthday and whose local hour has reached
// BIRTHDAY_FROM_HOUR. A 29 February birthday is celebrated on 28 February in other years.
import type { StartRun } from '../../modules/journeys/index.js';
import type { Ctx } from '../../platform/context.js';
import type { JourneysFlowDeps } from './deps.js';
import type { Leases } from './leases.js';

const SWEEP = 'birthday';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Not at midnight: the run starts in the customer's morning (quiet hours may hold it later still). */
export const BIRTHDAY_FROM_HOUR = 9;

const MONTH_DAY = /^(?:\d{4}|-)-(\d{2})-(\d{2})/;

interface LocalDate {
  year: number;
  month: number;
  day: number;
  hour: number;
}

/** The calendar date and hour at `at` in `timeZone` (IANA); null for a zone Intl does not know. */
export function localDate(at: Date, timeZone: string): LocalDate | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return null;
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? Number.NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local year whose birthday it is at `at` for a customer born on `birthday` in `timeZone`, from
 * BIRTHDAY_FROM_HOUR on; null when it is not their birthday (or not yet the hour, or no such date).
 */
export function birthdayYear(birthday: string, at: Date, timeZone: string): number | null {
  const m = MONTH_DAY.exec(birthday);
  const local = localDate(at, timeZone);
  if (!m || !local || local.hour < BIRTHDAY_FROM_HOUR) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const today = month === local.month && day === local.day;
  const leapDayOnThe28th =
    month === 2 && day === 29 && !isLeap(local.year) && local.month === 2 && local.day === 28;
  return today || leapDayOnThe28th ? local.year : null;
}

/** The month-days (MM-DD) that are today in some time zone at `at` (UTC−12 to UTC+14 spans three dates). */
export function monthDaysAround(at: Date): string[] {
  const out = new Set<string>();
  for (const offset of [-DAY_MS, 0, DAY_MS]) {
    const d = new Date(at.getTime() + offset);
    const md = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    out.add(md);
    if (md === '02-28') out.add('02-29');
  }
  return [...out];
}

export function createBirthday(deps: JourneysFlowDeps, leases: Leases) {
  return {
    /** The hourly sweep (at once when `force`); returns how many runs it started. */
    async sweep(ctx: Ctx, force = false): Promise<number> {
      const settings = await deps.journeys.settingsOf(ctx, 'birthday');
      if (!settings.enabled) return 0;
      if (!(await deps.backInStock.claimSweep(ctx, SWEEP, leases.owner, force))) return 0;
      let started = 0;
      try {
        const now = ctx.clock.now();
        const { rules } = await deps.messaging.settings(ctx);
        const due: StartRun[] = [];
        for (const c of await deps.customers.birthdaysOn(ctx, monthDaysAround(now))) {
          const zone = c.timeZone && localDate(now, c.timeZone) ? c.timeZone : rules.defaultTimeZone;
          const year = birthdayYear(c.birthday, now, zone);
          if (year === null) continue;
          const runKey = `${c.id}@birthday:${year}`;
          due.push({ journey: 'birthday', customerId: c.id, runKey, ref: c.id, channelId: null, vars: {} });
        }
        for (let i = 0; i < due.length; i += 500) {
          const chunk = due.slice(i, i + 500);
          const known = await deps.backInStock.knownRunKeys(
            ctx,
            'birthday',
            chunk.map((s) => s.runKey),
          );
          started += (
            await deps.journeys.startMany(
              ctx,
              chunk.filter((s) => !known.has(s.runKey)),
            )
          ).length;
        }
      } finally {
        await deps.backInStock.finishSweep(ctx, SWEEP, leases.owner, HOUR_MS);
      }
      if (started) deps.wake?.runs();
      return started;
    },
  };
}
