// The one answer to "may I contact this person for this purpose on this channel now?", used by
// everything that sends or forwards. Consent is opt-in: no decision is a no, with the reason.
import { validationError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { ConsentEntry } from './customers.types.js';

/**
 * A purpose: a word such as marketing, analytics or email_marketing (stored lower-cased). Segment's
 * consent categories (Advertising, DataSharing…) are purposes too.
 */
export const PURPOSE_SHAPE = /^[a-z][a-z0-9 _-]{0,60}$/;
/** Channel ids are prefixed (kernel/ids.ts). */
const CHANNEL_ID_SHAPE = /^chn_[A-Za-z0-9_-]{1,80}$/;

/**
 * The rule for where a consent decision applies: '*' (every channel) or the id of a channel that
 * exists. Contact media ("email", "sms") are not channels here: a retailer's email or SMS channel is
 * a channel record, and a purpose can name the medium (email_marketing). Returns the purpose as
 * stored; throws a 400 naming the field otherwise.
 */
export async function checkConsentTarget(
  ctx: Ctx,
  input: { purpose: string; channel: string },
  channelExists: ((ctx: Ctx, channelId: string) => Promise<boolean>) | undefined,
): Promise<string> {
  const purpose = input.purpose.trim().toLowerCase();
  const issues: Array<{ path: string; message: string }> = [];
  if (!PURPOSE_SHAPE.test(purpose))
    issues.push({ path: 'purpose', message: 'a word such as marketing or analytics (letters, digits, _ -)' });
  if (input.channel !== '*') {
    const known =
      CHANNEL_ID_SHAPE.test(input.channel) && (!channelExists || (await channelExists(ctx, input.channel)));
    if (!known)
      issues.push({
        path: 'channel',
        message: `${JSON.stringify(input.channel.slice(0, 100))} is not a channel id; use the id of an existing channel, or * for every channel`,
      });
  }
  if (issues.length) throw validationError(issues);
  return purpose;
}

export type ContactDecision =
  | { allowed: true; purpose: string; channel: string; decidedAt: Date; scope: string }
  | {
      allowed: false;
      purpose: string;
      channel: string;
      reason: 'no_consent' | 'denied' | 'revoked' | 'suppressed';
      /** When the refusing decision was made (absent for no_consent). */
      decidedAt?: Date;
      scope?: string;
    };

/**
 * Decides from a cluster's consent entries. A customer suppressed (a regulation) at or before `at`
 * is never contacted. Otherwise entries for the purpose on the channel itself or on every channel
 * ('*') count, as recorded at or before `at`; the newest of them governs (a later denial everywhere
 * overrides an earlier grant on one channel, and the other way round).
 */
export function mayContact(
  consent: ReadonlyArray<Pick<ConsentEntry, 'purpose' | 'channel' | 'status' | 'at'>>,
  purpose: string,
  channel: string,
  at: Date,
  suppressedAt?: Date | null,
): ContactDecision {
  const p = purpose.toLowerCase();
  if (suppressedAt && suppressedAt.getTime() <= at.getTime())
    return { allowed: false, purpose: p, channel, reason: 'suppressed', decidedAt: suppressedAt, scope: '*' };
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
