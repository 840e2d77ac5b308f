// Replies by email through the configured SMTP relay, threaded: our Message-ID (stable per message,
// so a retry is the same mail), In-Reply-To the customer's last mail, References the thread, and a
// Reply-To of the conversation's reply+<token>@ address so the answer finds its thread even when a
// client drops the headers. From is the shop's support address (the `email` account of the
// conversation's shop, or the one the customer wrote to) when there is one, else the hub's.
import type { OutboundSender } from '../../flows/inbox/index.js';
import { SendFailure } from '../../flows/inbox/index.js';
import type { OutboundJob } from '../../modules/inbox/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';

const bracket = (id: string) => `<${id}>`;

export function replyAddress(token: string, domain: string): string {
  return `reply+${token}@${domain}`;
}

export function createEmailSender(deps: {
  mailer: Mailer;
  domain: string;
  /** The support address a reply goes out from; none: the hub's own From. */
  supportAddress?:
    | ((ctx: Ctx, job: OutboundJob) => Promise<{ name: string; address: string } | null>)
    | undefined;
}): OutboundSender {
  return {
    async send(ctx, job) {
      const messageId = `${job.message.id}@${deps.domain}`;
      const subject = job.conversation.subject ?? '';
      const from = (await deps.supportAddress?.(ctx, job)) ?? undefined;
      try {
        await deps.mailer.send({
          to: job.message.address!,
          subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`.trim(),
          text: job.message.text,
          messageId: bracket(messageId),
          ...(job.inReplyToExternalId ? { inReplyTo: bracket(job.inReplyToExternalId) } : {}),
          references: job.references.map(bracket),
          replyTo: replyAddress(job.replyToken, deps.domain),
          ...(from ? { from } : {}),
        });
      } catch (err) {
        // 5xx from the relay: the address or the mail is refused for good; anything else may pass later.
        const code = (err as { responseCode?: number }).responseCode;
        const reason = `SMTP relay: ${(err as Error).message}`.slice(0, 300);
        throw new SendFailure(reason, !(typeof code === 'number' && code >= 500));
      }
      return { externalId: messageId };
    },
  };
}
