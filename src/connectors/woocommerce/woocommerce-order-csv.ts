// WooCommerce's order export (the Customer/Order CSV Export extension's default order format), read
// as the hub's order history rows. One record is one order; its items are in the line_items cell
// ("name:Tee|sku:TEE-S|quantity:2|subtotal:40.00|total:36.00|…", items separated by ";"), or, in the
// one-row-per-item format, in item_* columns on records that repeat the order. order_id is the id
// WooCommerce's webhooks carry. order_date has no zone in the export and is read as UTC.
import { decimalToMinor, type ImportDialect, type Translated } from '../../flows/import-export/index.js';
import { currencyExponent } from '../../kernel/index.js';

const STATUS: Record<string, string> = {
  completed: 'completed',
  processing: 'paid',
  'on-hold': 'pending',
  pending: 'pending',
  cancelled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
};

/** "name:Tee|sku:TEE-S|quantity:2|subtotal:40.00" items separated by ";" → their fields. */
export function wooLineItems(cell: string): Array<Record<string, string>> {
  return cell
    .split(';')
    .map((item) => {
      const out: Record<string, string> = {};
      for (const part of item.split('|')) {
        const at = part.indexOf(':');
        if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
      }
      return out;
    })
    .filter((i) => Object.keys(i).length > 0);
}

export const woocommerceOrderCsv: ImportDialect = {
  name: 'WooCommerce order CSV',
  target: 'orders',
  detect: (header) =>
    ['order_id', 'order_date', 'status', 'order_currency'].every((h) => header.includes(h)) &&
    (header.includes('line_items') || header.includes('item_sku')),
  start: () => ({
    translate(r): Translated {
      const get = (n: string) => (r[n] ?? '').trim();
      const problems: string[] = [];
      const currency = get('order_currency');
      const money = (column: string, v = get(column)): number | undefined => {
        if (!v) return undefined;
        const amount = decimalToMinor(v, currencyExponent(currency));
        if (amount === undefined) problems.push(`${column}: "${v}" is not an amount`);
        return amount;
      };
      const status = STATUS[get('status').toLowerCase()];
      if (!status) problems.push(`status: "${get('status')}" is not a WooCommerce order status`);
      const customer = Number(get('customer_id')) > 0 ? get('customer_id') : '';
      const date = get('order_date');
      const head = {
        order_id: get('order_id'),
        source: 'woocommerce',
        placed_at: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(date)
          ? `${date.replace(' ', 'T')}Z`
          : date,
        status: status ?? get('status'),
        currency,
        email: get('billing_email'),
        phone: get('billing_phone'),
        customer_id: customer,
        customer_type: customer ? 'woocommerce_customer' : '',
        shipping: money('shipping_total'),
        discount: money('discount_total') ?? money('cart_discount'),
        discount_code: (get('coupon_items').match(/code:([^|;]+)/)?.[1] ?? '').trim(),
        refunded_amount: money('refunded_total'),
        ship_name: [get('shipping_first_name'), get('shipping_last_name')].filter(Boolean).join(' '),
        ship_line1: get('shipping_address_1'),
        note: get('customer_note'),
        ship_line2: get('shipping_address_2'),
        ship_postal_code: get('shipping_postcode'),
        ship_city: get('shipping_city'),
        ship_region: get('shipping_state'),
        ship_country: get('shipping_country'),
      };
      const items = get('line_items')
        ? wooLineItems(get('line_items'))
        : [
            {
              name: get('item_name'),
              sku: get('item_sku'),
              quantity: get('item_quantity'),
              subtotal: get('item_subtotal'),
              total_tax: get('item_tax'),
            },
          ];
      const rows = items.map((i) => {
        const quantity = Number(i.quantity);
        const subtotal = money('line_items subtotal', i.subtotal);
        // WooCommerce gives the line's subtotal (before coupons); the unit price is its share.
        const unit = subtotal !== undefined && quantity > 0 ? Math.round(subtotal / quantity) : undefined;
        return {
          ...head,
          sku: i.sku ?? '',
          title: i.name ?? '',
          quantity: i.quantity ?? '',
          unit_price: unit,
          line_tax: money('line_items total_tax', i.total_tax),
        };
      });
      if (!rows.length) problems.push('line_items: the order has no items');
      return { rows, problems };
    },
  }),
};
