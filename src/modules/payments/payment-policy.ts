// Who may pay with which provider, decided in one place before anything is written or a provider is
// asked: the hub must have the provider enabled, the channel must accept it, and a key that lives
// in a browser may only use a provider that takes the money itself (a card provider), never one that
// takes the caller's word for it (`manual`, `external`): otherwise any storefront could mark its
// own orders paid.
import { AppError } from '../../kernel/index.js';
import type { Actor } from '../../platform/context.js';
import type { PaymentProvider } from './payments.providers.js';

/** The channel a payment is for, as far as payments care: which providers it accepts. */
export interface PaymentChannel {
  id: string;
  paymentProviders: readonly string[];
}

export type PaymentRefusal =
  | { reason: 'payment_provider_disabled'; provider: string; enabled: string[] }
  | { reason: 'payment_provider_forbidden'; provider: string; keyKind: string }
  | { reason: 'payment_provider_not_accepted'; provider: string; channelId: string; accepted: string[] };

/**
 * Publishable keys and shopper sessions live in browsers and apps: whoever holds the page holds the
 * key. Until the auth rewrite lands the kind, this is the one place that reads it.
 */
export function isBrowserActor(actor: Actor): boolean {
  return actor.keyKind === 'publishable' || actor.keyKind === 'shopper';
}

/** Why this actor may not pay with this provider on this channel, or null when it may. */
export function paymentRefusal(check: {
  provider: PaymentProvider;
  actor: Actor;
  enabled: ReadonlySet<string>;
  channel: PaymentChannel;
}): PaymentRefusal | null {
  const { provider, actor, enabled, channel } = check;
  if (!enabled.has(provider.name)) {
    return { reason: 'payment_provider_disabled', provider: provider.name, enabled: [...enabled] };
  }
  if (provider.trustsCaller && isBrowserActor(actor)) {
    return { reason: 'payment_provider_forbidden', provider: provider.name, keyKind: actor.keyKind ?? '' };
  }
  if (!channel.paymentProviders.includes(provider.name)) {
    return {
      reason: 'payment_provider_not_accepted',
      provider: provider.name,
      channelId: channel.id,
      accepted: [...channel.paymentProviders],
    };
  }
  return null;
}

/** The problem+json a client sees for a refusal (codes from the kernel's error table). */
export function paymentRefusalError(r: PaymentRefusal): AppError {
  switch (r.reason) {
    case 'payment_provider_disabled':
      return new AppError(r.reason, `The payment provider ${r.provider} is not enabled on this hub`, {
        details: { provider: r.provider, enabled: r.enabled },
      });
    case 'payment_provider_forbidden':
      return new AppError(
        r.reason,
        `A ${r.keyKind} key cannot pay with ${r.provider}: it records money the hub did not take; use a card provider`,
        { details: { provider: r.provider, keyKind: r.keyKind } },
      );
    case 'payment_provider_not_accepted':
      return new AppError(
        r.reason,
        `Channel ${r.channelId} does not accept the payment provider ${r.provider}`,
        {
          details: { provider: r.provider, channelId: r.channelId, accepted: r.accepted },
        },
      );
  }
}
