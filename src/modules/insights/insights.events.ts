// Events of the insights module. Ingestion's onStored hook (flows/insights) hands the batch's web and
// app visits over as one event in the storing transaction: the customer by id, the channel, the
// half-hour of the visit and its campaign (utm) if any, nothing personal; the projection reads them
// from the log like orders, so a rebuild from position 0 sees them again.
import { z } from 'zod';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';

export const INSIGHTS_EVENTS = {
  touchpointsSeen: 'insights.touchpoints_seen',
} as const;

const Utm = z.string().max(200).nullable();

export const INSIGHTS_EVENT_SCHEMAS = defineEvents({
  [INSIGHTS_EVENTS.touchpointsSeen]: z.strictObject({
    touchpoints: z.array(
      z.strictObject({
        customerId: z.string(),
        channelId: z.string(),
        at: EventTime.describe('the first event of the visit in this batch'),
        source: Utm.describe('utm_source (context.campaign.source); null: a direct visit'),
        medium: Utm,
        campaign: Utm,
      }),
    ),
  }),
});

export type InsightsEventPayload<T extends keyof typeof INSIGHTS_EVENT_SCHEMAS> = EventPayload<
  typeof INSIGHTS_EVENT_SCHEMAS,
  T
>;
