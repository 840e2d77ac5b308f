// The one answer to "may I contact this person for this purpose on this channel now?", used by
// everything that sends or forwards. Consent is opt-in: no decision is a no, with the reason.
import type { ConsentEntry } from './customers.types.js';

export type ContactDecision =
  | { allowed: true; purpose: string; channel: string; decidedAt: Date; scope: string }
  | {
      allowed: false;
      purpose: string;
      channel: string;
      reason: 'no_consent' | 'denied' | 'revoked';
      /** When the refusing decision was made (absent for no_consent). */
      decidedAt?: Date;
      scope?: string;
    };

/**
 * Decides from a cluster's consent entries. Entries for the purpose on the channel itself or on
 * every channel ('*') count, as recorded at or before `at`; the newest of them governs (a later
 * denial everywhere overrides an earlier grant on one channel, and the other way round).
 */
export function mayContact(
  consent: ReadonlyArray<Pick<ConsentEntry, 'purpose' | 'channel' | 'status' | 'at'>>,
  purpose: string,
  channel: string,
  at: Date,
): ContactDecision {
  const p = purpose.toLowerCase();
  let newest: (typeof consent)[number] | undefined;
  for (const c of consent) {
    if (c.purpose !== p || (c.channel !== channel && c.channel !== '*')) continue;
    if (c.at.getTime() > at.getTime()) continue;
    if (!newest || c.at.getTime() > newest.at.getTime()) newest = c;
  }
  if (!newest) return { allowed: false, purpose: p, channel, reason: 'no_consent' };
  if (newest.status === 'granted')
    return { allowed: true, purpose: p, channel, decidedAt: newest.at, scope: newest.channel };
  return {
    allowed: false,
    purpose: p,
    channel,
    reason: newest.status,
    decidedAt: newest.at,
    scope: newest.channel,
  };
}
