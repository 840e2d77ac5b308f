// Events the integrations module emits, with their payload schemas.
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';
import { CONNECTOR_KINDS } from './inbound.types.js';
import { ENDPOINT_STATUSES } from './integrations.types.js';

export const INTEGRATION_EVENTS = {
  endpointChanged: 'integration.endpoint_changed',
  deliveriesReplayed: 'integration.deliveries_replayed',
  inboundReceived: 'integration.inbound_received',
  inboundProcessed: 'integration.inbound_processed',
  inboundParked: 'integration.inbound_parked',
  connectorChanged: 'integration.connector_changed',
  ruleChanged: 'integration.rule_changed',
} as const;

const inboundOutcome = z.strictObject({
  deliveryId: z.string(),
  connectorId: z.string(),
  topic: z.string(),
  error: z.string().optional().describe('why it was parked (first 500 characters)'),
});

export const INTEGRATION_EVENT_SCHEMAS = defineEvents({
  [INTEGRATION_EVENTS.endpointChanged]: z.strictObject({
    endpointId: z.string(),
    change: z.enum(['created', 'updated', 'secret_rotated', 'deleted', 'disabled_gone']),
    status: z.enum(ENDPOINT_STATUSES),
    url: z.string(),
  }),
  [INTEGRATION_EVENTS.deliveriesReplayed]: z.strictObject({
    endpointId: z.string(),
    count: z.number().int(),
  }),
  [INTEGRATION_EVENTS.inboundReceived]: z.strictObject({
    deliveryId: z.string(),
    connectorId: z.string(),
    kind: z.enum(CONNECTOR_KINDS).optional().describe('on first receipt'),
    topic: z.string(),
    retry: z.literal(true).optional().describe('a parked delivery sent through again'),
    key: z
      .string()
      .optional()
      .describe(
        'the record it changes (an order), when deliveries of different keys may be processed side by side',
      ),
  }),
  [INTEGRATION_EVENTS.inboundProcessed]: inboundOutcome,
  [INTEGRATION_EVENTS.inboundParked]: inboundOutcome,
  [INTEGRATION_EVENTS.connectorChanged]: z.strictObject({
    connectorId: z.string(),
    kind: z.enum(CONNECTOR_KINDS),
    change: z.enum(['created', 'updated', 'deleted']),
    fields: z.array(z.string()).optional().describe('the fields an update gave'),
  }),
  [INTEGRATION_EVENTS.ruleChanged]: z.strictObject({
    ruleId: z.string(),
    version: z.number().int(),
    enabled: z.boolean(),
    change: z.enum(['created', 'updated', 'deleted']),
  }),
});

export type IntegrationEventPayload<T extends keyof typeof INTEGRATION_EVENT_SCHEMAS> = EventPayload<
  typeof INTEGRATION_EVENT_SCHEMAS,
  T
>;
