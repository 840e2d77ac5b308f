// The shopper's confirmation email and the till receipt write amounts in the currency's exponent:
// yen without decimals, dinars with three (never every currency as cents).
import { describe, expect, it } from 'vitest';
import type { Order } from '../../modules/orders/index.js';
import { confirmationText } from './order-confirmation.js';
import { receiptText } from './receipt-email.flow.js';

const order = (currency: string, amount: number) =>
  ({
    number: 'W-1',
    currency,
    channelId: 'chn_1',
    placedAt: new Date('2026-12-05T10:00:00.000Z'),
    lines: [{ quantity: 1, title: 'Kettle', sku: 'K-1', unitPrice: amount, total: amount, tax: 0 }],
    totals: { items: amount, shipping: 0, tax: 0, discount: 0, grand: amount },
    pickup: null,
    metadata: {},
  }) as unknown as Order;

describe('amounts in mails', () => {
  it('writes yen without decimals and dinars with three', () => {
    const jp = confirmationText(order('JPY', 1500), 'en');
    expect(jp).toContain('¥1,500');
    expect(jp).not.toContain('¥15');
    expect(confirmationText(order('KWD', 12_500), 'en')).toMatch(/KWD\s12\.500/);
    expect(receiptText(order('JPY', 1500), 'Tokyo', 'en')).toContain('¥1,500');
  });
});
