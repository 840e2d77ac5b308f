// The external shape of an event: CloudEvents 1.0 (structured JSON), used by streams, webhooks and NATS.
import type { StoredEvent } from './event-log.js';
import { encodeCursor } from './event-log.js';
import { eventDataSchemaPath, eventSchemaOf } from './event-schemas.js';

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  /** Where the payload's JSON Schema is served (`/schemas/events/<type>.json`); set for every declared type. */
  dataschema?: string;
  data: Record<string, unknown>;
  /** Extension attributes (lowercase alphanumerics, per the spec). */
  omnihubchannel?: string;
  omnihubcursor: string;
}

export function toCloudEvent(e: StoredEvent, source = '/omnihub'): CloudEvent {
  return {
    specversion: '1.0',
    id: e.id,
    source: e.channelId ? `${source}/channels/${e.channelId}` : source,
    type: e.type,
    subject: e.subject,
    time: e.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    ...(eventSchemaOf(e.type) ? { dataschema: eventDataSchemaPath(e.type) } : {}),
    data: e.payload,
    ...(e.channelId ? { omnihubchannel: e.channelId } : {}),
    omnihubcursor: encodeCursor(e),
  };
}
