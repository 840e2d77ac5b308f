// The mailer's SMTP client: a hub with a relay loads it when its background starts (prepare), once,
// and the first mail then uses that transport; a hub without a relay never loads it.
import { describe, expect, it, vi } from 'vitest';

const transports = vi.hoisted(() => ({ created: 0, sent: [] as unknown[] }));
vi.mock('nodemailer', () => ({
  default: {
    createTransport: () => {
      transports.created++;
      return { sendMail: async (m: unknown) => void transports.sent.push(m), close: () => undefined };
    },
  },
}));

import { createMailer } from './mailer.js';

describe('mailer', () => {
  it('prepare() makes the transport before the first mail, which then uses it', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Shop <shop@example.test>' });
    const before = transports.created;
    mailer.prepare?.();
    await vi.waitFor(() => expect(transports.created).toBe(before + 1));
    await mailer.send({ to: 'a@example.test', subject: 'Hi', text: 'Hello' });
    await mailer.send({ to: 'b@example.test', subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' });
    expect(transports.created).toBe(before + 1);
    expect(transports.sent).toHaveLength(2);
  });

  it('has nothing to prepare without a relay', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'Shop <shop@example.test>' });
    expect(mailer.prepare).toBeUndefined();
    await expect(mailer.send({ to: 'a@example.test', subject: 'Hi', text: 'Hello' })).rejects.toThrow(
      /No SMTP relay/,
    );
  });
});
