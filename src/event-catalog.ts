// Every owner's event table (type → payload schema), in one list: app.ts registers it with the event
// log (which checks payloads in tests and development), scripts/generate-event-docs.ts writes
// docs/events.md from it, and the hub serves each schema as JSON Schema at /schemas/events/<type>.json.
import { ADVISOR_EVENT_SCHEMAS } from './modules/advisor/index.js';
import { CART_EVENT_SCHEMAS } from './modules/carts/index.js';
import { CATALOG_EVENT_SCHEMAS } from './modules/catalog/index.js';
import { CDP_EVENT_SCHEMAS } from './modules/cdp/index.js';
import { CHANNEL_SYNC_EVENT_SCHEMAS } from './modules/channel-sync/index.js';
import { CHANNEL_EVENT_SCHEMAS } from './modules/channels/index.js';
import { CUSTOMER_EVENT_SCHEMAS } from './modules/customers/index.js';
import { INBOX_EVENT_SCHEMAS } from './modules/inbox/index.js';
import { INSIGHTS_EVENT_SCHEMAS } from './modules/insights/index.js';
import { INTEGRATION_EVENT_SCHEMAS } from './modules/integrations/index.js';
import { INVENTORY_EVENT_SCHEMAS } from './modules/inventory/index.js';
import { MEDIA_EVENT_SCHEMAS } from './modules/media/index.js';
import { ORDER_EVENT_SCHEMAS } from './modules/orders/index.js';
import { PAYMENT_EVENT_SCHEMAS } from './modules/payments/index.js';
import { PROMOTION_EVENT_SCHEMAS } from './modules/promotions/index.js';
import { RECOMMENDATION_EVENT_SCHEMAS } from './modules/recommendations/index.js';
import { REVIEW_EVENT_SCHEMAS } from './modules/reviews/index.js';
import { SHOPPER_EVENT_SCHEMAS } from './modules/shoppers/index.js';
import { STAFF_EVENT_SCHEMAS } from './modules/staff/index.js';
import { WALLET_EVENT_SCHEMAS } from './modules/wallet/index.js';
import type { EventSchemaSet } from './platform/events/event-schemas.js';
import { PLATFORM_EVENT_SCHEMAS } from './platform/events/platform.events.js';

export const ALL_EVENT_SCHEMAS: readonly EventSchemaSet[] = [
  { owner: 'platform', schemas: PLATFORM_EVENT_SCHEMAS },
  { owner: 'channels', schemas: CHANNEL_EVENT_SCHEMAS },
  { owner: 'catalog', schemas: CATALOG_EVENT_SCHEMAS },
  { owner: 'inventory', schemas: INVENTORY_EVENT_SCHEMAS },
  { owner: 'integrations', schemas: INTEGRATION_EVENT_SCHEMAS },
  { owner: 'channel-sync', schemas: CHANNEL_SYNC_EVENT_SCHEMAS },
  { owner: 'customers', schemas: CUSTOMER_EVENT_SCHEMAS },
  { owner: 'carts', schemas: CART_EVENT_SCHEMAS },
  { owner: 'orders', schemas: ORDER_EVENT_SCHEMAS },
  { owner: 'payments', schemas: PAYMENT_EVENT_SCHEMAS },
  { owner: 'promotions', schemas: PROMOTION_EVENT_SCHEMAS },
  { owner: 'shoppers', schemas: SHOPPER_EVENT_SCHEMAS },
  { owner: 'cdp', schemas: CDP_EVENT_SCHEMAS },
  { owner: 'inbox', schemas: INBOX_EVENT_SCHEMAS },
  { owner: 'wallet', schemas: WALLET_EVENT_SCHEMAS },
  { owner: 'staff', schemas: STAFF_EVENT_SCHEMAS },
  { owner: 'media', schemas: MEDIA_EVENT_SCHEMAS },
  { owner: 'recommendations', schemas: RECOMMENDATION_EVENT_SCHEMAS },
  { owner: 'insights', schemas: INSIGHTS_EVENT_SCHEMAS },
  { owner: 'advisor', schemas: ADVISOR_EVENT_SCHEMAS },
  { owner: 'reviews', schemas: REVIEW_EVENT_SCHEMAS },
];
