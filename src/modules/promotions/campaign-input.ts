// A campaign from what an admin typed: the input checked (zone, schedule, currency rules) into the
// campaign that create stores, a patch applies or a preview evaluates; and random coupon codes.
import { randomInt } from 'node:crypto';
import { AppError } from '../../kernel/index.js';
import { type Campaign, CampaignInput, type CampaignPatch } from './promotions.types.js';
import { isTimeZone, localToInstant } from './schedule.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A refused field, with the issue code the apps translate (`required`, `ends_before_start`, …). */
export const refuse = (field: string, message: string, at = 'body', code = 'invalid') =>
  new AppError('validation_failed', message, { issues: [{ path: `${at}.${field}`, message, code }] });

type RuleFields = Pick<Campaign, 'timeZone' | 'currency' | 'benefit' | 'conditions' | 'startsAt' | 'endsAt'>;

/** The rules a campaign keeps whether it is new, edited or a draft being previewed. */
function checkCampaign(c: RuleFields, at = 'body'): void {
  const moneyBenefit = ['fixed', 'tiered', 'bundle'].includes(c.benefit.type);
  if ((moneyBenefit || c.conditions.minSpend !== undefined) && !c.currency) {
    throw refuse('currency', 'required when the benefit or minimum spend is an amount', at, 'required');
  }
  if (c.startsAt && c.endsAt && c.endsAt <= c.startsAt)
    throw refuse('endsAt', 'must be after startsAt', at, 'ends_before_start');
}

function scheduleOf(
  input: { timeZone: string; startsAt?: string | undefined; endsAt?: string | undefined },
  at = 'body',
) {
  if (!isTimeZone(input.timeZone)) {
    throw refuse('timeZone', `unknown time zone ${input.timeZone}`, at, 'invalid_value');
  }
  return {
    startsAt: input.startsAt ? localToInstant(input.startsAt, input.timeZone) : null,
    endsAt: input.endsAt ? localToInstant(input.endsAt, input.timeZone) : null,
  };
}

/** A campaign from its input, checked (not stored): what create stores and a preview evaluates. */
export function campaignFromInput(raw: CampaignInput, id: string, now: Date, at = 'body'): Campaign {
  const input = CampaignInput.parse(raw);
  const { startsAt, endsAt } = scheduleOf(input, at);
  const { startsAt: _s, endsAt: _e, ...rest } = input;
  const campaign: Campaign = {
    ...rest,
    id,
    currency: input.currency ?? null,
    startsAt,
    endsAt,
    used: 0,
    createdAt: now,
    updatedAt: now,
  };
  checkCampaign(campaign, at);
  return campaign;
}

/** The campaign after a patch: given fields replace, schedule times read in the (new) zone. */
export function patched(current: Campaign, patch: CampaignPatch, now: Date): Campaign {
  const { startsAt, endsAt, timeZone, ...rest } = patch;
  const zone = timeZone ?? current.timeZone;
  if (!isTimeZone(zone)) throw refuse('timeZone', `unknown time zone ${zone}`, 'body', 'invalid_value');
  const at = (local: string | null | undefined, was: Date | null) =>
    local === undefined ? was : local === null ? null : localToInstant(local, zone);
  const next: Campaign = {
    ...current,
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    timeZone: zone,
    startsAt: at(startsAt, current.startsAt),
    endsAt: at(endsAt, current.endsAt),
    updatedAt: now,
  };
  checkCampaign(next);
  return next;
}

export function randomCode(prefix: string): string {
  let s = prefix;
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
