// The next best message's order and consent, over stand-ins of the modules it asks: pickup ready >
// open cart (with its handoff link) > tier close > recommended > nothing; promotional messages only
// with marketing consent (skipped ones named), the pickup always.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { createNextMessageFlow, type NextMessageDeps } from './index.js';

interface World {
  consent: boolean;
  pickup: boolean;
  cart: boolean;
  pointsToGo: number | null;
  recommended: boolean;
}

function deps(w: World): NextMessageDeps {
  return {
    customers: {
      mayContact: async () =>
        w.consent
          ? {
              allowed: true,
              purpose: 'marketing',
              channel: 'chn_web',
              decidedAt: new Date(),
              scope: 'chn_web',
            }
          : { allowed: false, purpose: 'marketing', channel: 'chn_web', reason: 'no_consent' },
    },
    customerOrders: {
      ordersOfCustomer: async () =>
        ({
          customerId: 'cus_1',
          items: w.pickup
            ? [
                {
                  id: 'ord_1',
                  number: 'OH-7',
                  pickupStatus: 'ready_for_pickup',
                  pickup: { code: 'K7P2QX9M' },
                },
              ]
            : [{ id: 'ord_0', number: 'OH-6', pickupStatus: null, pickup: null }],
        }) as never,
    },
    carts: {
      findActiveCarts: async () =>
        (w.cart
          ? [
              {
                id: 'crt_1',
                channelId: 'chn_app',
                lines: [{ quantity: 2 }, { quantity: 1 }],
                handoff: { code: 'ABC234' },
              },
            ]
          : []) as never,
    },
    channels: { getChannel: async () => ({ id: 'chn_app', code: 'app' }) as never },
    wallet: {
      customerWallet: async () =>
        ({
          customerId: 'cus_1',
          points:
            w.pointsToGo === null
              ? null
              : {
                  accountId: 'wac_1',
                  balance: 0,
                  lifetime: 1000 - w.pointsToGo,
                  tier: null,
                  nextTier: { code: 'gold', name: 'Gold', pointsToGo: w.pointsToGo },
                },
          storeCredit: [],
          giftCards: [],
        }) as never,
    },
    recommendations: {
      forCustomer: async () =>
        (w.recommended
          ? [
              {
                reason: 'for_you',
                score: 3,
                product: { id: 'prod_9', title: 'Trail cap', handle: 'trail-cap' },
              },
            ]
          : []) as never,
    },
  };
}

const ctx = { clock: systemClock } as unknown as Ctx;
const req = {
  channel: { id: 'chn_web', code: 'webshop', type: 'web' } as never,
  touchpoint: 'storefront' as const,
  baseUrl: 'https://shop.example.com',
};
const all: World = { consent: true, pickup: true, cart: true, pointsToGo: 100, recommended: true };
const ask = (w: World) => createNextMessageFlow(deps(w)).nextMessage(ctx, 'cus_1', req);

describe('next best message', () => {
  it('picks in order: pickup ready, open cart, tier close, recommended, nothing', async () => {
    expect((await ask(all)).message).toMatchObject({
      kind: 'pickup_ready',
      promotional: false,
      params: { number: 'OH-7', code: 'K7P2QX9M' },
    });
    expect((await ask({ ...all, pickup: false })).message).toMatchObject({
      kind: 'open_cart',
      params: { count: 3, code: 'ABC234' },
      link: 'https://shop.example.com/store/app/cart?cart=crt_1',
    });
    expect((await ask({ ...all, pickup: false, cart: false })).message).toMatchObject({
      kind: 'tier_close',
      params: { points: 100, tier: 'Gold' },
    });
    const far = { ...all, pickup: false, cart: false, pointsToGo: 600 }; // 600 of 1000 to go: not close
    expect((await ask(far)).message).toMatchObject({
      kind: 'recommended',
      params: { title: 'Trail cap' },
      link: 'https://shop.example.com/store/webshop/p/trail-cap',
    });
    const answer = await ask({ ...far, recommended: false });
    expect(answer).toMatchObject({ message: null, skipped: [], marketingConsent: { allowed: true } });
  });

  it('without marketing consent: the pickup still, promotional ones skipped with the reason', async () => {
    const none = { ...all, consent: false };
    expect((await ask(none)).message?.kind).toBe('pickup_ready');
    const answer = await ask({ ...none, pickup: false });
    expect(answer.message).toBeNull();
    expect(answer.marketingConsent).toEqual({ allowed: false, reason: 'no_consent' });
    expect(answer.skipped.map((s) => s.kind)).toEqual(['open_cart', 'tier_close', 'recommended']);
  });
});
