// Shopify's customer CSV export (Customers → Export), read as the hub's customer rows. Two headers
// are in use: the current one ("Customer ID", "Accepts Email Marketing", "Accepts SMS Marketing",
// "Default Address …") and the older one ("Accepts Marketing", "Address1", "City", "Country Code"…).
// Shopify writes ids and phone numbers behind a ' so spreadsheets keep them as text; that is undone.
// Note becomes the customer's note trait. Total Spent and Total Orders are left out (the hub counts
// them from the orders themselves), and so is Tax Exempt, which has no place on a customer here.
import type { ImportDialect, Translated } from '../../flows/import-export/index.js';

const unquote = (v: string) => v.trim().replace(/^'/, '');

export const shopifyCustomerCsv: ImportDialect = {
  name: 'Shopify customer CSV',
  target: 'customers',
  detect: (header) =>
    header.includes('Email') &&
    header.includes('First Name') &&
    (header.includes('Accepts Email Marketing') || header.includes('Accepts Marketing')),
  start: () => ({
    translate(r): Translated {
      const get = (...names: string[]) => {
        for (const n of names) {
          const v = unquote(r[n] ?? '');
          if (v) return v;
        }
        return '';
      };
      const id = get('Customer ID');
      return {
        rows: [
          {
            email: get('Email'),
            phone: get('Phone', 'Default Address Phone'),
            external_id: id,
            external_type: id ? 'shopify_customer' : '',
            first_name: get('First Name'),
            last_name: get('Last Name'),
            tags: get('Tags'),
            accepts_email_marketing: get('Accepts Email Marketing', 'Accepts Marketing'),
            accepts_sms_marketing: get('Accepts SMS Marketing'),
            address_line1: get('Default Address Address1', 'Address1'),
            address_line2: get('Default Address Address2', 'Address2'),
            postal_code: get('Default Address Zip', 'Zip'),
            city: get('Default Address City', 'City'),
            region: get('Default Address Province Code', 'Province Code', 'Province'),
            country: get('Default Address Country Code', 'Country Code'),
            note: get('Note'),
          },
        ],
        problems: [],
      };
    },
  }),
};
