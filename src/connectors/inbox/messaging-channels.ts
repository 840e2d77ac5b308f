// Wires the messaging platforms into a hub: the accounts API (/api/inbox/channel-accounts), Meta's
// and Twilio's signed webhooks, and a sender per channel kind that replies through the kind's
// oldest active account (a sender with no account refuses the reply as not connected); journey
// messages by SMS and WhatsApp go out through the same accounts.
import type { FastifyInstance } from 'fastify';
import type { InboxFlow } from '../../flows/inbox/index.js';
import type { JourneysFlowDeps } from '../../flows/journeys/index.js';
import {
  type ChannelAccountRouteDeps,
  type ChannelAccountStore,
  channelAccountRoutes,
  type InboxService,
} from '../../modules/inbox/index.js';
import type { MessagingService } from '../../modules/messaging/index.js';
import { createGraphSender, createWhatsAppJourneySender, metaWebhookRoutes } from '../meta/index.js';
import { createTwilioJourneySender, createTwilioSender, twilioWebhookRoutes } from '../twilio/index.js';

export async function registerMessagingChannels(
  http: FastifyInstance,
  deps: {
    accounts: ChannelAccountStore;
    findChannel: ChannelAccountRouteDeps['findChannel'];
    flow: Pick<InboxFlow, 'receiveInboundBatch' | 'registerSender'>;
    inbox: Pick<InboxService, 'recordDeliveryStatus'>;
    /** The journeys' senders: journey messages by SMS and WhatsApp go out through the same accounts. */
    journeys?: Pick<JourneysFlowDeps, 'direct'> | undefined;
    /** The send log: journey SMS learn their delivery reports from Twilio's status callbacks. */
    sends?: Pick<MessagingService, 'recordDeliveryStatus'> | undefined;
    /** OMNIHUB_PUBLIC_URL: Twilio's status callbacks and the URL its signatures cover. */
    publicUrl: string | undefined;
    /** Media a customer sends over this size is not kept. */
    maxAttachmentBytes: number;
  },
): Promise<void> {
  await http.register(channelAccountRoutes(deps), { prefix: '/api' });
  await http.register(metaWebhookRoutes(deps));
  await http.register(twilioWebhookRoutes(deps));
  for (const kind of ['messenger', 'instagram', 'whatsapp'] as const)
    deps.flow.registerSender(kind, createGraphSender(kind, deps.accounts));
  deps.flow.registerSender('sms', createTwilioSender({ accounts: deps.accounts, publicUrl: deps.publicUrl }));
  if (deps.journeys)
    deps.journeys.direct = {
      sms: createTwilioJourneySender({ accounts: deps.accounts, publicUrl: deps.publicUrl }),
      whatsapp: createWhatsAppJourneySender(deps.accounts),
    };
}
