// Send-time rules that need no other module: quiet hours in the customer's time zone and the
// frequency cap. Each answers "not now, but at this moment" so a held message is rescheduled, never
// dropped. Consent and suppression are asked by the flow at the same moment (flows/journeys).
import { createHash } from 'node:crypto';

/** SHA-256 of an address, lower-cased (as the customers module stores emails): suppressions, pins. */
export const addressHash = (a: string) => createHash('sha256').update(a.trim().toLowerCase()).digest('hex');

/**
 * The var that pins a send to one address of its customer, by `addressHash`: a back-in-stock alert
 * asked for by typing an address goes to that address only, never to another of a shared profile.
 * Set on the subscription, it travels to the run's vars and so to the sends of the run.
 */
export const PINNED_ADDRESS_VAR = 'toAddressHash';

/** The local hour and minute at `at` in `timeZone` (IANA); an unknown zone reads as UTC. */
export function localTime(at: Date, timeZone: string): { hour: number; minute: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return { hour: at.getUTCHours(), minute: at.getUTCMinutes() };
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { hour: get('hour'), minute: get('minute') };
}

/**
 * When quiet hours [start, end) hold at `at` in the customer's zone: the first minute after them
 * (the next local `end`:00); otherwise null. start > end spans midnight (21 → 8).
 */
export function quietUntil(
  at: Date,
  timeZone: string,
  quiet: { start: number; end: number } | null,
): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const { hour, minute } = localTime(at, timeZone);
  const inside =
    quiet.start < quiet.end
      ? hour >= quiet.start && hour < quiet.end
      : hour >= quiet.start || hour < quiet.end;
  if (!inside) return null;
  const minutesNow = hour * 60 + minute;
  const wait = (quiet.end * 60 - minutesNow + 24 * 60) % (24 * 60);
  const next = new Date(at.getTime() + wait * 60_000);
  next.setUTCSeconds(0, 0);
  return next;
}

/** With `sent` messages in the last 24 h (the oldest at `oldest`) and a cap: when the next may go. */
export function cappedUntil(
  sent: { count: number; oldest: Date | null },
  cap: number | undefined,
): Date | null {
  if (cap === undefined || sent.count < cap || !sent.oldest) return null;
  return new Date(sent.oldest.getTime() + 24 * 3600_000 + 1000);
}
