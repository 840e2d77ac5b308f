// Who may pay with which provider: the policy as a pure function, and the payments service refusing
// before the provider is asked.
import { describe, expect, it, vi } from 'vitest';
import { ERROR_CATALOG, ManualClock } from '../../kernel/index.js';
import { type Actor, type Ctx, SYSTEM_ACTOR } from '../../platform/context.js';
import { isBrowserActor, paymentRefusal, paymentRefusalError } from './payment-policy.js';
import {
  externalProvider,
  manualProvider,
  type PaymentProvider,
  testProvider,
} from './payments.providers.js';
import { createPaymentsService } from './payments.service.js';

const actor = (keyKind?: Actor['keyKind']): Actor => ({
  kind: 'api_key',
  id: 'key_1',
  name: 'a key',
  scopes: ['carts:write'],
  channelId: 'chn_web',
  ...(keyKind ? { keyKind } : {}),
});
const everything = new Set(['manual', 'test', 'external']);
const acceptsAll = { id: 'chn_web', paymentProviders: ['manual', 'test', 'external'] };

describe('isBrowserActor', () => {
  it('is true for publishable keys and shopper sessions only', () => {
    expect(isBrowserActor(actor('publishable'))).toBe(true);
    expect(isBrowserActor(actor('shopper'))).toBe(true);
    expect(isBrowserActor(actor('secret'))).toBe(false);
    expect(isBrowserActor(actor('staff'))).toBe(false);
    expect(isBrowserActor(actor())).toBe(false);
    expect(isBrowserActor(SYSTEM_ACTOR)).toBe(false);
  });
});

describe('paymentRefusal', () => {
  const check = (provider: PaymentProvider, a: Actor, enabled = everything, channel = acceptsAll) =>
    paymentRefusal({ provider, actor: a, enabled, channel });

  it('refuses a provider the hub has not enabled, whoever asks', () => {
    const enabled = new Set(['manual']);
    expect(check(testProvider, actor('secret'), enabled)).toEqual({
      reason: 'payment_provider_disabled',
      provider: 'test',
      enabled: ['manual'],
    });
    expect(check(externalProvider, SYSTEM_ACTOR, enabled)?.reason).toBe('payment_provider_disabled');
    expect(check(manualProvider, actor('secret'), enabled)).toBeNull();
  });

  it('refuses providers that trust the caller to publishable keys and shopper sessions', () => {
    for (const kind of ['publishable', 'shopper'] as const) {
      for (const provider of [manualProvider, externalProvider]) {
        expect(check(provider, actor(kind))).toEqual({
          reason: 'payment_provider_forbidden',
          provider: provider.name,
          keyKind: kind,
        });
      }
      // A provider that takes the money itself (the card stand-in) is what a browser may use.
      expect(check(testProvider, actor(kind))).toBeNull();
    }
  });

  it('lets secret keys, staff and the system use manual and external', () => {
    for (const a of [actor('secret'), actor('staff'), actor(), SYSTEM_ACTOR]) {
      expect(check(manualProvider, a)).toBeNull();
      expect(check(externalProvider, a)).toBeNull();
    }
  });

  it('refuses a provider the channel does not accept', () => {
    const till = { id: 'chn_till', paymentProviders: ['manual', 'external'] };
    expect(check(testProvider, actor('secret'), everything, till)).toEqual({
      reason: 'payment_provider_not_accepted',
      provider: 'test',
      channelId: 'chn_till',
      accepted: ['manual', 'external'],
    });
    expect(
      check(manualProvider, actor('secret'), everything, { id: 'chn_x', paymentProviders: [] })?.reason,
    ).toBe('payment_provider_not_accepted');
  });

  it('becomes problems with the codes and statuses of the error table', () => {
    const forbidden = paymentRefusalError({
      reason: 'payment_provider_forbidden',
      provider: 'external',
      keyKind: 'publishable',
    });
    expect(forbidden).toMatchObject({ code: 'payment_provider_forbidden', status: 403 });
    expect(forbidden.status).toBe(ERROR_CATALOG.payment_provider_forbidden.status);
    const disabled = paymentRefusalError({
      reason: 'payment_provider_disabled',
      provider: 'test',
      enabled: [],
    });
    expect(disabled).toMatchObject({ code: 'payment_provider_disabled', status: 422 });
    const notAccepted = paymentRefusalError({
      reason: 'payment_provider_not_accepted',
      provider: 'test',
      channelId: 'chn_till',
      accepted: ['manual'],
    });
    expect(notAccepted).toMatchObject({
      code: 'payment_provider_not_accepted',
      status: 422,
      details: { accepted: ['manual'] },
    });
  });
});

describe('createPaymentsService: the gate before the provider is asked', () => {
  const ctxAs = (a: Actor) =>
    ({ actor: a, clock: new ManualClock('2026-03-02T10:00:00Z'), channelId: a.channelId }) as unknown as Ctx;
  const terminal = (): PaymentProvider & { authorize: ReturnType<typeof vi.fn> } => ({
    name: 'terminal',
    trustsCaller: true,
    authorize: vi.fn(async () => ({ status: 'captured' as const, providerRef: 'ref' })),
    void: async () => {},
    refund: async () => ({ ok: true as const, providerRef: 'r' }),
  });
  const pay = { orderId: 'ord_1', amount: 1000, currency: 'EUR' };

  it('enables manual and the adapters it is given by default, not test or external', () => {
    const payments = createPaymentsService({ providers: [terminal()] });
    expect(payments.enabledProviderNames().sort()).toEqual(['manual', 'terminal']);
    expect(payments.providerNames()).toEqual(expect.arrayContaining(['test', 'external']));
  });

  it('refuses to start with an unknown provider enabled', () => {
    expect(() => createPaymentsService({ enabled: ['manual', 'paypal'] })).toThrow(/paypal/);
  });

  it('never asks a provider that trusts the caller for a publishable key', async () => {
    const adapter = terminal();
    const payments = createPaymentsService({ providers: [adapter], enabled: ['terminal'] });
    const channel = { id: 'chn_web', paymentProviders: ['terminal'] };
    await expect(
      payments.authorize(ctxAs(actor('publishable')), { ...pay, provider: 'terminal', channel }),
    ).rejects.toMatchObject({ code: 'payment_provider_forbidden', status: 403 });
    expect(adapter.authorize).not.toHaveBeenCalled();
    const allowed = await payments.authorize(ctxAs(actor('secret')), {
      ...pay,
      provider: 'terminal',
      channel,
    });
    expect(allowed.ok).toBe(true);
    expect(adapter.authorize).toHaveBeenCalledOnce();
  });

  it('refuses an unknown provider as invalid input and a disabled one with its code', async () => {
    const payments = createPaymentsService();
    const ctx = ctxAs(actor('secret'));
    await expect(
      payments.authorize(ctx, { ...pay, provider: 'paypal', channel: acceptsAll }),
    ).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    await expect(
      payments.authorize(ctx, { ...pay, provider: 'test', channel: acceptsAll }),
    ).rejects.toMatchObject({ code: 'payment_provider_disabled' });
  });

  it('records an import paid elsewhere as external even when external is not enabled, never for a browser key', async () => {
    const payments = createPaymentsService();
    const imported = await payments.authorizePaidElsewhere(ctxAs(actor('secret')), pay);
    expect(imported.ok && imported.value.payment).toMatchObject({ provider: 'external', status: 'captured' });
    await expect(payments.authorizePaidElsewhere(ctxAs(actor('publishable')), pay)).rejects.toMatchObject({
      code: 'payment_provider_forbidden',
    });
  });
});
