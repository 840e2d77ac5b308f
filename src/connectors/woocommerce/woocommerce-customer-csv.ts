// WooCommerce's customer export (the Customer/Order CSV Export extension's default customer format:
// customer_id, first_name, last_name, email, date_registered, billing_* and shipping_* columns),
// read as the hub's customer rows. The billing address is the customer's address; WooCommerce keeps
// no marketing consent on a customer, so none is imported. total_spent and order_count are left out
// (the hub counts them from the orders themselves).
import type { ImportDialect, Translated } from '../../flows/import-export/index.js';

export const woocommerceCustomerCsv: ImportDialect = {
  name: 'WooCommerce customer CSV',
  target: 'customers',
  detect: (header) =>
    header.includes('customer_id') &&
    header.includes('email') &&
    header.includes('billing_email') &&
    !header.includes('order_id'),
  start: () => ({
    translate(r): Translated {
      const get = (...names: string[]) => {
        for (const n of names) {
          const v = (r[n] ?? '').trim();
          if (v) return v;
        }
        return '';
      };
      // Guests have no account id (0 or empty): they are known by email only.
      const id = Number(get('customer_id')) > 0 ? get('customer_id') : '';
      return {
        rows: [
          {
            email: get('email', 'billing_email'),
            phone: get('billing_phone'),
            external_id: id,
            external_type: id ? 'woocommerce_customer' : '',
            first_name: get('first_name', 'billing_first_name'),
            last_name: get('last_name', 'billing_last_name'),
            address_line1: get('billing_address_1'),
            address_line2: get('billing_address_2'),
            postal_code: get('billing_postcode'),
            city: get('billing_city'),
            region: get('billing_state'),
            country: get('billing_country'),
          },
        ],
        problems: [],
      };
    },
  }),
};
