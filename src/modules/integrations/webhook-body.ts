// What an endpoint receives for an event (Standard Webhooks JSON or a CloudEvent, optionally reshaped
// by JSONata), which endpoints an event type matches, and the hub's webhook defaults.

import { randomBytes } from 'node:crypto';
import { newId } from '../../kernel/index.js';
import { toCloudEvent } from '../../platform/events/cloudevents.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { evaluateJsonata } from '../../platform/jsonata.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import type { Endpoint } from './integrations.types.js';
import type { ConsentPayload, ContactConsentPort, GateResult } from './webhook-consent.js';

/** The Standard Webhooks schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const STANDARD_RETRY_SCHEDULE_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];
/** Longest Retry-After we honour; beyond it the regular schedule applies. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

export interface WebhooksDeps {
  /** Delays between attempts; its length is the number of retries before the dead-letter queue. */
  retryScheduleMs?: number[];
  /** Refuses target URLs the hub must not call (SSRF guard); throws AppError. */
  checkTargetUrl?: (url: string) => Promise<void>;
  /** Seals endpoint secrets at rest (OMNIHUB_SECRETS_KEY); none = stored as given. */
  secrets?: SecretBox | undefined;
  /** Customers' consent, for endpoints and rule actions with a purpose (none: those send nothing about customers). */
  consent?: ContactConsentPort | undefined;
}

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export function matchesType(filters: readonly string[], type: string): boolean {
  if (filters.length === 0) return true;
  return filters.some(
    (f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))),
  );
}

/** The bytes an endpoint receives for an event. */
export async function renderBody(
  e: Pick<Endpoint, 'format' | 'transform'>,
  event: StoredEvent,
  /** The customer's consent, for endpoints that include it (null: the event is about no customer). */
  consent?: ConsentPayload | null,
): Promise<{ body: string; contentType: string }> {
  const cloud = toCloudEvent(event);
  const extra = consent === undefined ? {} : { consent };
  let data: unknown = event.payload;
  if (e.transform) data = await evaluateJsonata(e.transform, { ...cloud, ...extra }, 'The transform');
  if (e.format === 'cloudevents') {
    return {
      body: JSON.stringify({ ...cloud, data, ...extra }),
      contentType: 'application/cloudevents+json',
    };
  }
  return {
    body: JSON.stringify({
      type: event.type,
      timestamp: event.occurredAt.toISOString(),
      subject: event.subject,
      eventId: event.id,
      ...(event.channelId ? { channelId: event.channelId } : {}),
      data,
      ...extra,
    }),
    contentType: 'application/json',
  };
}

export const SEND: GateResult = { send: true };

/** A delivery kept without a body: parked (its transform failed) or suppressed (consent said no). */
export const parkedOf = (endpointId: string, event: StoredEvent, eventId: string, error: string) => ({
  id: newId('msg'),
  endpointId,
  eventId,
  eventType: event.type,
  subject: event.subject,
  eventOccurredAt: event.occurredAt,
  error,
});
