// SMS replies through Twilio's Messages API (or any Twilio-compatible base URL, e.g. a local fake in
// tests): POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From, Body and a
// StatusCallback to this hub when its public URL is known, with HTTP Basic auth (AccountSid, auth
// token). The answer's sid is the message's external id: status callbacks find it by that.
import type { OutboundSender } from '../../flows/inbox/index.js';
import { SendFailure } from '../../flows/inbox/index.js';
import type { DirectSender } from '../../flows/journeys/index.js';
import type { ChannelAccountStore } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { callPlatform } from '../inbox/platform-http.js';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';

function twilioError(body: unknown): string | null {
  const b = body as { code?: unknown; message?: unknown } | null;
  if (!b || typeof b.message !== 'string') return null;
  return `${typeof b.code === 'number' ? `${b.code} ` : ''}${b.message}`;
}

type Accounts = Pick<ChannelAccountStore, 'sendingAccount'>;

/** One SMS through Twilio's Messages API from the SMS account (this one when it is still active). */
async function postMessage(
  ctx: Ctx,
  deps: { accounts: Accounts; publicUrl?: string | undefined },
  accountId: string | null,
  to: string,
  text: string,
): Promise<{ externalId: string | null }> {
  const account = await deps.accounts.sendingAccount(ctx, 'sms', accountId);
  if (!account) throw new SendFailure('No SMS (Twilio) account is connected', false);
  const sid = account.settings.accountSid ?? '';
  const base = (account.settings.apiBaseUrl || TWILIO_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const form = new URLSearchParams({ To: to, From: account.externalAccountId, Body: text });
  if (deps.publicUrl)
    form.set('StatusCallback', `${deps.publicUrl.replace(/\/+$/, '')}/webhooks/twilio/${account.id}/status`);
  const auth = Buffer.from(`${sid}:${account.credentials.authToken ?? ''}`).toString('base64');
  const body = await callPlatform(
    'Twilio',
    `${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`,
    {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    },
    twilioError,
  );
  return { externalId: typeof body.sid === 'string' ? body.sid : null };
}

export function createTwilioSender(deps: {
  accounts: ChannelAccountStore;
  publicUrl?: string | undefined;
}): OutboundSender {
  return {
    ready: async (ctx: Ctx, accountId) =>
      (await deps.accounts.sendingAccount(ctx, 'sms', accountId)) !== null,
    // The number the customer texted answers them.
    send: (ctx, job) =>
      postMessage(ctx, deps, job.message.channelAccountId, job.message.address!, job.message.text),
  };
}

/** Journey messages by SMS: from the shop's oldest active SMS account (Twilio segments a long text itself). */
export function createTwilioJourneySender(deps: {
  accounts: Accounts;
  publicUrl?: string | undefined;
}): DirectSender {
  return {
    ready: async (ctx) => (await deps.accounts.sendingAccount(ctx, 'sms', null)) !== null,
    send: (ctx, message) => postMessage(ctx, deps, null, message.to, message.text),
  };
}
