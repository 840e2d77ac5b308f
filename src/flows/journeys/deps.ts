// What the journeys flow is built from: the two modules it drives and the ones it reads.
import type { CartsService } from '../../modules/carts/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { InventoryService } from '../../modules/inventory/index.js';
import type { BackInStockService, JourneysService } from '../../modules/journeys/index.js';
import type { MessagingService } from '../../modules/messaging/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { PushSender } from '../../platform/push/web-push.js';

export interface JourneysFlowDeps {
  journeys: JourneysService;
  backInStock: BackInStockService;
  messaging: MessagingService;
  customers: Pick<
    CustomersService,
    | 'subjects'
    | 'consentState'
    | 'consentStates'
    | 'identifiersOfCustomers'
    | 'recordTimelineEntry'
    | 'recordTimelineEntries'
    | 'setConsent'
    | 'identify'
    | 'lastOrderedIn'
    | 'birthdaysOn'
  >;
  catalog: Pick<CatalogService, 'channelProducts'>;
  inventory: Pick<InventoryService, 'availableToSell'>;
  carts: Pick<CartsService, 'findCart'>;
  channels: Pick<ChannelsService, 'findChannel'>;
  mailer: Mailer;
  /** SMS and WhatsApp through the inbox's connected accounts; a format without one is "not connected". */
  direct?: Partial<Record<'sms' | 'whatsapp', DirectSender>> | undefined;
  /** Web push (VAPID); without it the push format is "not connected". */
  push?: PushSender | undefined;
  /** Where links in messages point (OMNIHUB_PUBLIC_URL, else the hub's own address). */
  baseUrl: () => string;
  /** A signed review link token for an order (flows/reviews); without it the review request links to the account page. */
  reviewToken?: ((ctx: Ctx, orderId: string) => Promise<string>) | undefined;
  /** Wakes the sweeper and the delivery job after a run or a send became due now. */
  wake?: { runs(): void; sends(): void };
}

/** A journey message on SMS or WhatsApp: the text, and for WhatsApp the approved template and its parameters. */
export interface DirectMessage {
  to: string;
  text: string;
  template: { name: string; language: string; parameters: string[] } | null;
}

/**
 * Sends a journey message through a messaging platform (connectors/twilio, connectors/meta). A failure
 * carrying `retryable: false` (the platform refused it for good, a 4xx) fails the send at once.
 */
export interface DirectSender {
  /** Whether an account of this kind is connected now. */
  ready(ctx: Ctx): Promise<boolean>;
  send(ctx: Ctx, message: DirectMessage): Promise<{ externalId: string | null }>;
}
