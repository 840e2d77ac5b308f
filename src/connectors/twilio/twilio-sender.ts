// SMS replies through Twilio's Messages API (or any Twilio-compatible base URL, e.g. a local fake in
// tests): POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From, Body and a
// StatusCallback to this hub when its public URL is known, with HTTP Basic auth (AccountSid, auth
// token). The answer's sid is the message's external id: status callbacks find it by that.
import type { OutboundSender } from '../../flows/inbox/index.js';
import { SendFailure } from '../../flows/inbox/index.js';
import type { ChannelAccountStore } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import { callPlatform } from '../inbox/platform-http.js';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';

function twilioError(body: unknown): string | null {
  const b = body as { code?: unknown; message?: unknown } | null;
  if (!b || typeof b.message !== 'string') return null;
  return `${typeof b.code === 'number' ? `${b.code} ` : ''}${b.message}`;
}

export function createTwilioSender(deps: {
  accounts: ChannelAccountStore;
  publicUrl?: string | undefined;
}): OutboundSender {
  return {
    ready: async (ctx: Ctx, accountId) =>
      (await deps.accounts.sendingAccount(ctx, 'sms', accountId)) !== null,
    async send(ctx, job) {
      // The number the customer texted answers them.
      const account = await deps.accounts.sendingAccount(ctx, 'sms', job.message.channelAccountId);
      if (!account) throw new SendFailure('No SMS (Twilio) account is connected', false);
      const sid = account.settings.accountSid ?? '';
      const base = (account.settings.apiBaseUrl || TWILIO_DEFAULT_BASE_URL).replace(/\/+$/, '');
      const form = new URLSearchParams({
        To: job.message.address!,
        From: account.externalAccountId,
        Body: job.message.text,
      });
      if (deps.publicUrl)
        form.set(
          'StatusCallback',
          `${deps.publicUrl.replace(/\/+$/, '')}/webhooks/twilio/${account.id}/status`,
        );
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
    },
  };
}
