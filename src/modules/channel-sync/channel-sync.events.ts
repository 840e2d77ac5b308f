// Events the channel sync module emits, with their payload schemas.
import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-schemas.js';
import { CONNECTION_STATUSES } from './channel-sync.types.js';

export const CHANNEL_SYNC_EVENTS = {
  connectionChanged: 'channel_sync.connection_changed',
} as const;

export const CHANNEL_SYNC_EVENT_SCHEMAS = defineEvents({
  // Nodes keep the live connections in memory and drop them on reading this.
  [CHANNEL_SYNC_EVENTS.connectionChanged]: z.strictObject({
    connectionId: z.string(),
    change: z.enum(['created', 'updated', 'deleted']),
    status: z.enum(CONNECTION_STATUSES),
  }),
});
