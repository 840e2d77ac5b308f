// Replies by email through the configured SMTP relay, threaded: our Message-ID (stable per message,
// so a retry is the same mail), In-Reply-To the customer's last mail, References the thread, and a
// Reply-To of the conversation's reply+<token>@ address so the answer finds its thread even when a
// client drops the headers.
import type { OutboundSender } from '../../flows/inbox/index.js';
import { SendFailure } from '../../flows/inbox/index.js';
import type { Mailer } from '../../platform/mail/mailer.js';

const bracket = (id: string) => `<${id}>`;

export function replyAddress(token: string, domain: string): string {
  return `reply+${token}@${domain}`;
}

export function createEmailSender(deps: { mailer: Mailer; domain: string }): OutboundSender {
  return {
    async send(_ctx, job) {
      const messageId = `${job.message.id}@${deps.domain}`;
      const subject = job.conversation.subject ?? '';
      try {
        await deps.mailer.send({
          to: job.message.address!,
          subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`.trim(),
          text: job.message.text,
          messageId: bracket(messageId),
          ...(job.inReplyToExternalId ? { inReplyTo: bracket(job.inReplyToExternalId) } : {}),
          references: job.references.map(bracket),
          replyTo: replyAddress(job.replyToken, deps.domain),
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
