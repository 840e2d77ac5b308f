// Shopify's order CSV export (Orders → Export), read as the hub's order history rows. An order spans
// one record per line item; its first record carries the order's fields (Email, Financial Status,
// Fulfillment Status, Currency, Shipping, Taxes, Discount Code/Amount, Created at, Cancelled at, the
// Shipping address, Id), later records only Name and the Lineitem columns, so those are remembered.
// The order's Id is the one Shopify's webhooks carry: named with its connector, the file's orders and
// the webhooks' are the same orders. The status is the hub's reading of Shopify's two statuses.
import { decimalToMinor, type ImportDialect, type Translated } from '../../flows/import-export/index.js';
import { currencyExponent } from '../../kernel/index.js';

/** Shopify's financial + fulfillment status (and Cancelled at) as a hub status. */
export function shopifyOrderStatus(financial: string, fulfillment: string, cancelled: boolean): string {
  const f = financial.toLowerCase();
  if (cancelled || f === 'voided') return 'cancelled';
  if (f === 'refunded') return 'refunded';
  const paid = ['paid', 'partially_refunded'].includes(f);
  if (fulfillment.toLowerCase() === 'fulfilled') return paid ? 'completed' : 'fulfilled';
  return paid ? 'paid' : 'pending';
}

/** "2023-05-01 10:00:00 +0200" (Shopify's export) as ISO 8601. */
export function shopifyTime(v: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*([+-]\d{2}):?(\d{2})$/.exec(v.trim());
  return m ? `${m[1]}T${m[2]}${m[3]}:${m[4]}` : v.trim();
}

export const shopifyOrderCsv: ImportDialect = {
  name: 'Shopify order CSV',
  target: 'orders',
  detect: (header) =>
    ['Name', 'Financial Status', 'Lineitem quantity', 'Lineitem price'].every((h) => header.includes(h)),
  start: () => {
    let name = '';
    let head: Record<string, unknown> = {};
    let currency = '';
    return {
      translate(r): Translated {
        const get = (n: string) => (r[n] ?? '').trim();
        const problems: string[] = [];
        if (!get('Name')) return { rows: [], problems: ['Name is empty'] };
        const money = (column: string): number | undefined => {
          const v = get(column);
          if (!v) return undefined;
          const amount = decimalToMinor(v, currencyExponent(currency));
          if (amount === undefined) problems.push(`${column}: "${v}" is not an amount`);
          return amount;
        };
        if (get('Name') !== name) {
          name = get('Name');
          currency = get('Currency');
          const email = get('Email');
          const phone = get('Phone') || get('Shipping Phone') || get('Billing Phone');
          head = {
            order_id: get('Id') || name,
            source: 'shopify',
            placed_at: shopifyTime(get('Created at')),
            status: shopifyOrderStatus(
              get('Financial Status'),
              get('Fulfillment Status'),
              !!get('Cancelled at'),
            ),
            currency,
            email,
            phone: phone.replace(/^'/, ''),
            shipping: money('Shipping'),
            discount: money('Discount Amount'),
            discount_code: get('Discount Code'),
            refunded_amount: money('Refunded Amount'),
            ship_name: get('Shipping Name'),
            ship_line1: get('Shipping Address1') || get('Shipping Street'),
            ship_line2: get('Shipping Address2'),
            ship_postal_code: get('Shipping Zip').replace(/^'/, ''),
            ship_city: get('Shipping City'),
            ship_region: get('Shipping Province'),
            ship_country: get('Shipping Country'),
            note: get('Notes'),
          };
          // Shopify gives the order's tax; the hub keeps it on the order's first line.
          const taxes = money('Taxes');
          const line = lineOf(get, money);
          return { rows: [{ ...head, ...line, ...(taxes ? { line_tax: taxes } : {}) }], problems };
        }
        return { rows: [{ order_id: head.order_id, ...lineOf(get, money) }], problems };
      },
    };
  },
};

function lineOf(get: (n: string) => string, money: (c: string) => number | undefined) {
  return {
    sku: get('Lineitem sku'),
    title: get('Lineitem name'),
    quantity: get('Lineitem quantity'),
    unit_price: money('Lineitem price'),
  };
}
