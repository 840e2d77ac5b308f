// Postal code shapes of the countries storefronts commonly deliver to, checked when a shopper gives a
// shipping address (an address the carrier cannot read is a failed delivery later). Countries not
// listed are accepted as given. The storefront's country picker uses the same shapes.
import type { z } from 'zod';

export const POSTAL_CODES: Readonly<Record<string, { shape: RegExp; example: string }>> = {
  NL: { shape: /^[1-9]\d{3} ?[A-Z]{2}$/i, example: '1012 AB' },
  BE: { shape: /^[1-9]\d{3}$/, example: '1000' },
  DE: { shape: /^\d{5}$/, example: '10115' },
  FR: { shape: /^\d{5}$/, example: '75001' },
  ES: { shape: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28001' },
  SE: { shape: /^[1-9]\d{2} ?\d{2}$/, example: '111 22' },
  DK: { shape: /^\d{4}$/, example: '1050' },
  FI: { shape: /^\d{5}$/, example: '00100' },
  NO: { shape: /^\d{4}$/, example: '0150' },
  BG: { shape: /^\d{4}$/, example: '1000' },
  AT: { shape: /^\d{4}$/, example: '1010' },
  GB: { shape: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: 'SW1A 1AA' },
};

/** A zod refinement for an address: the postal code must fit its country's shape. */
export function checkPostalCode(
  address: { postalCode: string; country: string },
  ctx: z.RefinementCtx,
): void {
  const rule = POSTAL_CODES[address.country];
  if (rule && !rule.shape.test(address.postalCode.trim())) {
    ctx.addIssue({
      code: 'custom',
      path: ['postalCode'],
      message: `not a postal code of ${address.country} (like ${rule.example})`,
    });
  }
}
