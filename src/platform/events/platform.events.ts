// Events the platform itself emits (API keys, cross-channel acts), with their payload schemas.
import { z } from 'zod';
import { defineEvents, type EventPayload } from './event-schemas.js';

export const PLATFORM_EVENTS = {
  apiKeyCreated: 'platform.api_key_created',
  apiKeyRevoked: 'platform.api_key_revoked',
  /** A channel-bound key acted on another channel's record through an allowed cross-channel act. */
  crossChannelAct: 'platform.cross_channel_act',
} as const;

export const PLATFORM_EVENT_SCHEMAS = defineEvents({
  [PLATFORM_EVENTS.apiKeyCreated]: z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['secret', 'publishable']),
    scopes: z.array(z.string()),
    channelId: z.string().nullable(),
  }),
  [PLATFORM_EVENTS.apiKeyRevoked]: z.strictObject({ id: z.string() }),
  [PLATFORM_EVENTS.crossChannelAct]: z.strictObject({
    act: z.string().describe('the cross-channel act the route allows, e.g. till.return-any-channel'),
    record: z.string().describe('the kind of record: order, cart, …'),
    recordId: z.string(),
    recordChannelId: z.string().nullable(),
    keyId: z.string(),
    keyChannelId: z.string().nullable(),
    route: z.string().describe('method and route pattern'),
  }),
});

export type PlatformEventPayload<T extends keyof typeof PLATFORM_EVENT_SCHEMAS> = EventPayload<
  typeof PLATFORM_EVENT_SCHEMAS,
  T
>;
