import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/index.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { mayContact } from './consent.js';
import { createCustomersService, customersMigrations, type IngestSource } from './index.js';

const WEB: IngestSource = { id: 'src_web', channelId: 'chn_web', sharedDevices: false };

const at = (s: string) => new Date(`2026-01-0${s}T00:00:00Z`);
const now = at('9');

describe('mayContact', () => {
  it('says no without a decision, and why', () => {
    expect(mayContact([], 'marketing', 'chn_sms', now)).toMatchObject({
      allowed: false,
      reason: 'no_consent',
    });
  });

  it('lets the newest decision govern, on the channel or everywhere', () => {
    const granted = { purpose: 'marketing', channel: 'chn_sms', status: 'granted' as const, at: at('1') };
    const deniedEverywhere = { purpose: 'marketing', channel: '*', status: 'denied' as const, at: at('2') };
    expect(mayContact([granted], 'Marketing', 'chn_sms', now).allowed).toBe(true);
    expect(mayContact([granted, deniedEverywhere], 'marketing', 'chn_sms', now)).toMatchObject({
      allowed: false,
      reason: 'denied',
      scope: '*',
    });
    const regranted = { ...granted, at: at('3') };
    expect(mayContact([granted, deniedEverywhere, regranted], 'marketing', 'chn_sms', now).allowed).toBe(
      true,
    );
    // another channel's grant says nothing about this one
    expect(mayContact([granted], 'marketing', 'chn_email', now).allowed).toBe(false);
    // another purpose neither
    expect(mayContact([granted], 'analytics', 'chn_sms', now).allowed).toBe(false);
  });

  it('answers for a moment: a decision made later does not count', () => {
    const revoked = { purpose: 'marketing', channel: 'chn_sms', status: 'revoked' as const, at: at('5') };
    expect(mayContact([revoked], 'marketing', 'chn_sms', at('4'))).toMatchObject({ reason: 'no_consent' });
    expect(mayContact([revoked], 'marketing', 'chn_sms', now)).toMatchObject({ reason: 'revoked' });
  });
});

describeEachDatabase('mayContact on a stored customer', [customersMigrations], (t) => {
  it('answers from the consent ingested for the customer, with the reason when it says no', async () => {
    const customers = createCustomersService();
    const clock = new ManualClock('2026-02-01T00:00:00Z');
    const ctx = t.ctx({ clock });
    const [r] = await customers.ingest(ctx, WEB, [
      {
        messageId: 'consent-1',
        kind: 'identify',
        name: null,
        identifiers: [{ type: 'user_id', value: 'mc-1', trust: 'verified' }],
        traits: {},
        properties: {},
        context: {},
        consent: { Marketing: false, Analytics: true },
        occurredAt: new Date('2026-01-15T00:00:00Z'),
        anonymousId: null,
        userId: 'mc-1',
      },
    ]);
    const id = (r as { profileId: string }).profileId;
    expect(await customers.mayContact(ctx, id, 'marketing', 'chn_web')).toMatchObject({
      allowed: false,
      reason: 'denied',
    });
    expect((await customers.mayContact(ctx, id, 'analytics', 'chn_web')).allowed).toBe(true);
    // Segment's categories are the person's choices: they hold on every channel, not only the source's
    expect((await customers.mayContact(ctx, id, 'analytics', 'chn_sms')).allowed).toBe(true);
    expect(await customers.mayContact(ctx, id, 'marketing', 'chn_sms')).toMatchObject({
      reason: 'denied',
      scope: '*',
    });
    expect(await customers.mayContact(ctx, id, 'personalization', 'chn_sms')).toMatchObject({
      reason: 'no_consent',
    });
  });

  it('refuses a suppressed customer whatever they granted, with the reason, until it is lifted', async () => {
    const customers = createCustomersService();
    const clock = new ManualClock('2026-02-01T00:00:00Z');
    const ctx = t.ctx({ clock });
    const [r] = await customers.ingest(ctx, WEB, [
      {
        messageId: 'consent-sup-1',
        kind: 'identify',
        name: null,
        identifiers: [{ type: 'user_id', value: 'mc-sup', trust: 'verified' }],
        traits: {},
        properties: {},
        context: {},
        consent: { Marketing: true },
        occurredAt: new Date('2026-01-15T00:00:00Z'),
        anonymousId: null,
        userId: 'mc-sup',
      },
    ]);
    const id = (r as { profileId: string }).profileId;
    expect((await customers.mayContact(ctx, id, 'marketing', 'chn_web')).allowed).toBe(true);
    clock.advance(60_000);
    await customers.suppress(ctx, { customerId: id }, 'the customer asked');
    expect(await customers.mayContact(ctx, id, 'marketing', 'chn_web')).toMatchObject({
      allowed: false,
      reason: 'suppressed',
      decidedAt: clock.now(),
    });
    // Asked about a moment before the suppression, the answer is the consent of then.
    expect(
      (await customers.mayContact(ctx, id, 'marketing', 'chn_web', new Date('2026-01-20'))).allowed,
    ).toBe(true);
    await customers.unsuppress(ctx, { customerId: id });
    expect((await customers.mayContact(ctx, id, 'marketing', 'chn_web')).allowed).toBe(true);
  });
});
