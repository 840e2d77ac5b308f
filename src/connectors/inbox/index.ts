// The inbox's channels of our own: email (an SMTP server for inbound mail, replies through the
// relay with threading headers), and later web chat and the agents' live stream.
export { createEmailSender, replyAddress } from './email-sender.js';
export {
  mailToInbound,
  type SmtpInbound,
  type SmtpInboundOptions,
  startSmtpInbound,
} from './smtp-inbound.js';
