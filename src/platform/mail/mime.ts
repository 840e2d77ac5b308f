// A mail with an HTML alternative (journeys' messages) composed into one buffer here, handed to the
// pooled transport as `raw`: nodemailer's own composer quoted-printable-encodes the ~20 KB of MJML
// HTML and streams it in many small writes, ~0.8 ms of CPU per mail, a third of a journey mail's
// cost. The HTML goes base64 (native); the text part and the subject stay as nodemailer writes
// them (7bit when plain, else quoted-printable / Q-words), so the text is readable in the raw mail.
import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/** The mail to compose (mailer.ts's OutboundMail with its HTML part; not imported: mailer imports this). */
export interface MimeMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  replyTo?: string | undefined;
  from?: { name: string; address: string } | undefined;
  headers?: Record<string, string> | undefined;
}

/** A header value on one line: a CR or LF in a value would start a header of its own. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/** Non-ASCII text as RFC 2047 words: Q while mostly Latin, else B (nodemailer's choice). */
function words(value: string): string {
  const other = value.match(/[^\x20-\x7e]/g)?.length ?? 0;
  if (other === 0) return value;
  const latin = value.match(/[a-zA-Z]/g)?.length ?? 0;
  return encodeWords(value, other < latin ? 'Q' : 'B', 52, true);
}

/** "Name <address>": the name encoded when not ASCII, the address as given. */
function mailbox(from: string | { name: string; address: string }): { header: string; address: string } {
  const parsed =
    typeof from === 'string'
      ? ((addressparser(from, { flatten: true }) as Array<{ name: string; address: string }>)[0] ?? {
          name: '',
          address: from,
        })
      : from;
  const address = oneLine(parsed.address);
  const name = oneLine(parsed.name);
  if (!name) return { header: address, address };
  const plain = /^[\x20-\x7e]*$/.test(name);
  const shown = plain ? `"${name.replace(/["\\]/g, '\\$&')}"` : words(name);
  return { header: `${shown} <${address}>`, address };
}

function textPart(text: string): string {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  const plain =
    /^[\x20-\x7e\r\n]*$/.test(crlf) &&
    !crlf.includes(BOUNDARY) &&
    crlf.split('\r\n').every((l) => l.length <= 76);
  if (plain)
    return `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${crlf}`;
  return `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qpWrap(qpEncode(crlf), 76)}`;
}

function base64Lines(s: string): string {
  const b = Buffer.from(s, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 76) lines.push(b.slice(i, i + 76));
  return lines.join('\r\n');
}

/**
 * Unique per mail without asking the kernel for random bytes (a syscall per mail). "=_" never occurs
 * in base64 or quoted-printable, and a 7bit text part holding it goes quoted-printable instead.
 */
const BOUNDARY = '=_omnihub_';
let boundaries = 0;
const boundary = () =>
  `${BOUNDARY}${process.pid.toString(36)}_${Date.now().toString(36)}_${(++boundaries).toString(36)}`;

/** The mail as one RFC 5322 message (multipart/alternative) and its SMTP envelope. */
export function composeMime(
  mail: MimeMail,
  defaultFrom: string,
  now: Date,
): { raw: Buffer; envelope: { from: string; to: string[] }; messageId: string } {
  const from = mailbox(mail.from ?? defaultFrom);
  const to = oneLine(mail.to);
  const messageId = oneLine(mail.messageId ?? `<${randomBytes(16).toString('hex')}@omnihub>`);
  const b = boundary();
  const headers: string[] = [
    `From: ${from.header}`,
    `To: ${to}`,
    `Subject: ${words(oneLine(mail.subject))}`,
    `Date: ${now.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: ${messageId}`,
  ];
  if (mail.inReplyTo) headers.push(`In-Reply-To: ${oneLine(mail.inReplyTo)}`);
  if (mail.references?.length) headers.push(`References: ${oneLine(mail.references.join(' '))}`);
  if (mail.replyTo) headers.push(`Reply-To: ${oneLine(mail.replyTo)}`);
  for (const [k, v] of Object.entries(mail.headers ?? {}))
    if (/^[A-Za-z0-9-]+$/.test(k)) headers.push(`${k}: ${words(oneLine(v))}`);
  headers.push('MIME-Version: 1.0', `Content-Type: multipart/alternative; boundary="${b}"`);
  const raw = [
    `${headers.map((h) => foldLines(h, 76, false).trimEnd()).join('\r\n')}\r\n\r\n`,
    `--${b}\r\n${textPart(mail.text)}\r\n`,
    `--${b}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
    `${base64Lines(mail.html)}\r\n--${b}--\r\n`,
  ].join('');
  // The Message-ID given again: nodemailer would otherwise draw random bytes for one of its own.
  return { raw: Buffer.from(raw, 'utf8'), envelope: { from: from.address, to: [to] }, messageId };
}
