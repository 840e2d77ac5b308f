// Every column of the hub that can hold personal data, from each owner's own registry, and the
// columns whose names look personal but were reviewed as not. test/erasure-coverage.test.ts
// checks the database against this list: a new personal-looking column fails it until declared.
import { CARTS_PERSONAL_DATA } from '../../modules/carts/index.js';
import { CDP_PERSONAL_DATA } from '../../modules/cdp/index.js';
import { CUSTOMERS_PERSONAL_DATA } from '../../modules/customers/index.js';
import { INBOX_PERSONAL_DATA } from '../../modules/inbox/index.js';
import { INTEGRATIONS_PERSONAL_DATA } from '../../modules/integrations/index.js';
import { MESSAGING_PERSONAL_DATA } from '../../modules/messaging/index.js';
import { ORDERS_PERSONAL_DATA } from '../../modules/orders/index.js';
import { PAYMENTS_PERSONAL_DATA } from '../../modules/payments/index.js';
import { REVIEWS_PERSONAL_DATA } from '../../modules/reviews/index.js';
import { SHOPPERS_PERSONAL_DATA } from '../../modules/shoppers/index.js';
import { WALLET_PERSONAL_DATA } from '../../modules/wallet/index.js';
import type { PersonalDataRegistry } from '../../platform/privacy/personal-data.js';
import { PLATFORM_PERSONAL_DATA } from '../../platform/privacy/platform-personal-data.js';

/** Modules that hold no customer data, with their personal-looking columns explained. */
const MODULES_WITHOUT_CUSTOMER_DATA: PersonalDataRegistry[] = [
  {
    owner: 'catalog',
    personal: [],
    notPersonal: [{ table: 'catalog_price_lists', column: 'name', reason: 'a price list name' }],
  },
  {
    owner: 'channels',
    personal: [],
    notPersonal: [{ table: 'channels', column: 'name', reason: 'a sales channel name' }],
  },
  {
    owner: 'channel-sync',
    personal: [],
    notPersonal: [{ table: 'channel_sync_connections', column: 'name', reason: 'a connection label' }],
  },
  {
    // Runs and back-in-stock subscriptions keep the profile id (no contact data): an erased
    // customer's are refused at send time (customer_unknown).
    owner: 'journeys',
    personal: [
      {
        table: 'back_in_stock_subscriptions',
        column: 'address_hash',
        erasure:
          'set to null and live subscriptions cancelled (SHA-256 of the address typed in; the pin in the sends’ vars goes too)',
      },
    ],
    notPersonal: [{ table: 'journey_sweeps', column: 'name', reason: "a daily sweep's name (win_back)" }],
  },
  {
    owner: 'inventory',
    personal: [],
    notPersonal: [
      { table: 'inventory_locations', column: 'name', reason: "a warehouse's or store's name" },
      { table: 'inventory_locations', column: 'address', reason: "a warehouse's or store's address" },
    ],
  },
  {
    // Redemptions and per-customer use counts keep the profile id (no contact data) so usage limits
    // hold after an erasure; the profile itself is gone.
    owner: 'promotions',
    personal: [],
    notPersonal: [
      { table: 'promotion_campaigns', column: 'name', reason: "a campaign's name" },
      { table: 'promotion_collections', column: 'name', reason: 'a named group of products' },
    ],
  },
  {
    // Employees' work accounts, not customers': an admin manages (and disables) them.
    owner: 'staff',
    personal: [],
    notPersonal: [
      { table: 'staff_members', column: 'name', reason: "an employee's name on their work account" },
      { table: 'staff_members', column: 'email', reason: "an employee's work sign-in address" },
    ],
  },
];

export const PERSONAL_DATA_REGISTRY: readonly PersonalDataRegistry[] = [
  PLATFORM_PERSONAL_DATA,
  CUSTOMERS_PERSONAL_DATA,
  ORDERS_PERSONAL_DATA,
  INBOX_PERSONAL_DATA,
  CARTS_PERSONAL_DATA,
  PAYMENTS_PERSONAL_DATA,
  INTEGRATIONS_PERSONAL_DATA,
  SHOPPERS_PERSONAL_DATA,
  CDP_PERSONAL_DATA,
  WALLET_PERSONAL_DATA,
  MESSAGING_PERSONAL_DATA,
  REVIEWS_PERSONAL_DATA,
  ...MODULES_WITHOUT_CUSTOMER_DATA,
];
