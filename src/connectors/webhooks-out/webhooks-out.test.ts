// Wire-level pieces of outbound webhooks: signatures against the official verifier, our own
// verifier (used for inbound generic webhooks), Retry-After parsing and the SSRF guard.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../modules/integrations/index.js';
import { parseRetryAfter } from './sender.js';
import { standardWebhookHeaders, verifyStandardWebhook } from './signing.js';
import { createTargetGuard, isPrivateAddress } from './ssrf-guard.js';

describe('Standard Webhooks signing', () => {
  const secret = newWebhookSecret();
  const body = '{"type":"order.created","data":{"n":1}}';
  const ts = Math.floor(Date.now() / 1000);

  it('matches the official library, in both directions', () => {
    const ours = standardWebhookHeaders([secret], 'msg_1', ts, body);
    expect(() => new Webhook(secret).verify(body, ours)).not.toThrow();
    const theirs = new Webhook(secret).sign('msg_1', new Date(ts * 1000), body);
    expect(ours['webhook-signature']).toBe(theirs);
    const h = { id: 'msg_1', timestamp: String(ts), signature: theirs };
    expect(verifyStandardWebhook([secret], h, Buffer.from(body), ts)).toBe(true);
  });

  it('refuses a forged body, another secret, or a stale timestamp', () => {
    const h = standardWebhookHeaders([secret], 'msg_2', ts, body);
    const parts = { id: 'msg_2', timestamp: h['webhook-timestamp'], signature: h['webhook-signature'] };
    expect(verifyStandardWebhook([secret], parts, Buffer.from(`${body} `), ts)).toBe(false);
    expect(verifyStandardWebhook([newWebhookSecret()], parts, Buffer.from(body), ts)).toBe(false);
    expect(verifyStandardWebhook([secret], parts, Buffer.from(body), ts + 3600)).toBe(false);
    expect(verifyStandardWebhook([secret], { ...parts, signature: undefined }, Buffer.from(body), ts)).toBe(
      false,
    );
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('SSRF guard', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses private targets unless allowed', async () => {
    const strict = createTargetGuard({ allowPrivate: false });
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://localhost/x',
      'http://[::1]/x',
      'http://169.254.169.254/latest',
      'file:///etc/passwd',
      'http://user:pw@8.8.8.8/',
    ])
      await expect(strict.check(url), url).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(strict.check('http://8.8.8.8/hook')).resolves.toBeUndefined();
    await expect(
      createTargetGuard({ allowPrivate: true }).check('http://127.0.0.1:1/x'),
    ).resolves.toBeUndefined();
  });
});
