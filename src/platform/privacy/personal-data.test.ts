import { describe, expect, it } from 'vitest';
import {
  ERASED,
  matchableValues,
  personalStringsIn,
  redactJson,
  redactJsonText,
  redactText,
} from './personal-data.js';

describe('redaction of personal data in JSON documents', () => {
  const values = matchableValues(['Erika@Example.com', '+31612345678', 'NL', null]);

  it('matches values case-insensitively, never ones too short to mean anything', () => {
    expect(values).toEqual(['erika@example.com', '+31612345678']);
    expect(redactText('Mail ERIKA@example.COM or call +31612345678 (NL)', values)).toBe(
      `Mail ${ERASED} or call ${ERASED} (NL)`,
    );
  });

  it('removes values under personal keys in any spelling, keeps ids, amounts and statuses', () => {
    const shopify = {
      id: 990001,
      email: 'x@y.z',
      customer: { id: 1, first_name: 'Erika' },
      shipping_address: { address1: 'Prinsengracht 263', zip: '1016 GV' },
      shipping: 495,
      line_items: [{ sku: 'CAP-1', quantity: 1, price: '18.00' }],
      note: 'leave at the door',
      financial_status: 'paid',
      routing: { latitude: 52.37, longitude: 4.89 },
      message: 'reply to erika@example.com',
    };
    expect(redactJson(shopify, values)).toEqual({
      id: 990001,
      email: null,
      customer: null,
      shipping_address: null,
      shipping: 495,
      line_items: [{ sku: 'CAP-1', quantity: 1, price: '18.00' }],
      note: null,
      financial_status: 'paid',
      routing: { latitude: null, longitude: null },
      message: `reply to ${ERASED}`,
    });
  });

  it('redacts a text that is not JSON as text, and collects the strings under personal keys', () => {
    expect(redactJsonText('email=erika@example.com&x=1', values)).toBe(`email=${ERASED}&x=1`);
    expect(redactJsonText('{"a":"+31612345678"}', values)).toBe(`{"a":"${ERASED}"}`);
    expect(
      personalStringsIn({
        type: 'ship',
        address: { line1: 'Damrak 1', city: 'Amsterdam' },
        method: 'standard',
      }),
    ).toEqual(['Damrak 1', 'Amsterdam']);
  });
});
