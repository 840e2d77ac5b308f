// A refused reply as the API's error: its code, a sentence naming the reason, and the refusal's details.
import { AppError, type ErrorCode } from '../../kernel/index.js';
import type { ReplyRefusal } from './inbox-flow.interface.js';

const REFUSALS = {
  no_channel_address: 'no_reply_address',
  no_sender: 'channel_not_connected',
  reply_window_closed: 'reply_window_closed',
  contact_not_allowed: 'contact_not_allowed',
  template_not_approved: 'template_not_approved',
  template_parameters: 'template_parameters_mismatch',
} as const satisfies Record<ReplyRefusal['reason'], ErrorCode>;

function refusalText(r: ReplyRefusal): string {
  if (r.reason === 'template_not_approved')
    return `The template ${r.template} (${r.language}) is not approved for this ${r.channelKind} account`;
  if (r.reason === 'template_parameters')
    return `The template ${r.template} takes ${r.expected} parameters, not ${r.given}`;
  if (r.reason === 'reply_window_closed')
    return `The ${r.channelKind} reply window has closed: only an approved template can go now`;
  if (r.reason === 'contact_not_allowed')
    return r.consent === 'suppressed'
      ? `Cannot reply on ${r.channelKind}: the customer is suppressed (no contact at all)`
      : `Cannot reply on ${r.channelKind}: the customer's ${r.purpose} consent is ${r.consent}`;
  return `Cannot reply on ${r.channelKind}`;
}

export const refusalError = (r: ReplyRefusal & { ok: false }): AppError =>
  new AppError(REFUSALS[r.reason], refusalText(r), { details: { ...r, ok: undefined } });
