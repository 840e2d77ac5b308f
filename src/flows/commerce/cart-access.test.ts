// The cart ownership rule for browser and app keys, without I/O.
import { describe, expect, it } from 'vitest';
import { newCartToken } from '../../modules/carts/index.js';
import { cartAccessAllowed } from './cart-access.js';

describe('cartAccessAllowed', () => {
  const { token, hash } = newCartToken();
  const cart = { profileId: 'cus_ana', tokenHash: hash };
  const publishable = (o: { cartToken?: string; shopperProfileId?: string | null }) => ({
    keyKind: 'publishable',
    cartToken: o.cartToken,
    shopperProfileId: o.shopperProfileId ?? null,
  });

  it('lets a publishable key use a cart with the token it was given', () => {
    expect(token).toMatch(/^oct_/);
    expect(cartAccessAllowed(publishable({ cartToken: token }), cart)).toBe(true);
  });

  it('refuses a publishable key without the token, with another cart’s token, or with the hash itself', () => {
    expect(cartAccessAllowed(publishable({}), cart)).toBe(false);
    expect(cartAccessAllowed(publishable({ cartToken: newCartToken().token }), cart)).toBe(false);
    expect(cartAccessAllowed(publishable({ cartToken: hash }), cart)).toBe(false);
  });

  it('lets the signed-in shopper the cart belongs to use it without the token, and nobody else', () => {
    expect(cartAccessAllowed(publishable({ shopperProfileId: 'cus_ana' }), cart)).toBe(true);
    expect(cartAccessAllowed(publishable({ shopperProfileId: 'cus_bo' }), cart)).toBe(false);
    // A cart made with a secret key has no token and may have no profile: a browser cannot use it.
    expect(
      cartAccessAllowed(publishable({ shopperProfileId: 'cus_ana' }), { profileId: null, tokenHash: null }),
    ).toBe(false);
  });

  it('leaves secret and staff keys to their channel rules', () => {
    for (const keyKind of ['secret', 'staff', undefined]) {
      expect(cartAccessAllowed({ keyKind, cartToken: undefined, shopperProfileId: null }, cart)).toBe(true);
    }
  });
});
