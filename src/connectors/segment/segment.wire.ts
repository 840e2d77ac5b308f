// The Segment HTTP tracking API wire format → the customers module's events. Translation and
// validation only: identity rules live in the module.
import { randomUUID } from 'node:crypto';
import {
  type EventKind,
  type IdentifierInput,
  type IngestEventInput,
  PURPOSE_SHAPE,
} from '../../modules/customers/index.js';

export const SEGMENT_CALLS = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type SegmentCall = (typeof SEGMENT_CALLS)[number];

export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

export interface WireIssue {
  path: string;
  message: string;
}

export type WireOutcome =
  | { ok: true; event: IngestEventInput }
  | { ok: false; messageId: string; errors: WireIssue[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function idString(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A date, or null: an unparseable one is dropped with a warning (the receipt time stands in). */
function time(v: unknown, path: string, warnings: WireIssue[]): number | null {
  if (v === undefined || v === null) return null;
  const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(t)) {
    warnings.push({ path, message: 'not an ISO 8601 date; dropped' });
    return null;
  }
  return t;
}

/** External id types as identifier types: "Loyalty Card" → loyalty_card. */
export const externalIdType = (t: string): string =>
  t
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'x_$1');

/**
 * One Segment call → an ingest event. Clock skew: timestamp = receivedAt − (sentAt − originalTimestamp),
 * the client's own clock error cancels out; without sentAt the client's timestamp is taken as is.
 */
export function fromSegment(
  raw: unknown,
  o: { call?: SegmentCall; receivedAt: Date; batchSentAt?: unknown; index?: number },
): WireOutcome {
  const errors: WireIssue[] = [];
  if (!isObj(raw))
    return { ok: false, messageId: '', errors: [{ path: '', message: 'an event must be a JSON object' }] };
  const messageId = idString(raw.messageId) ?? `gen-${randomUUID()}`;
  if (messageId.length > 200) errors.push({ path: 'messageId', message: 'longer than 200 characters' });
  const type = o.call ?? raw.type;
  if (typeof type !== 'string' || !(SEGMENT_CALLS as readonly string[]).includes(type)) {
    errors.push({ path: 'type', message: `must be one of ${SEGMENT_CALLS.join(', ')}` });
  }
  const call = type as SegmentCall;
  const userId = idString(raw.userId);
  const anonymousId = idString(raw.anonymousId);
  if (!userId && !anonymousId) errors.push({ path: 'userId', message: 'userId or anonymousId is required' });
  for (const k of ['properties', 'traits', 'context'] as const) {
    if (raw[k] !== undefined && raw[k] !== null && !isObj(raw[k]))
      errors.push({ path: k, message: 'must be an object' });
  }
  const context = isObj(raw.context) ? raw.context : {};
  let name: string | null = null;
  if (call === 'track') {
    if (typeof raw.event !== 'string' || raw.event.trim() === '' || raw.event.length > 200) {
      errors.push({ path: 'event', message: 'a track call needs an event name (1–200 characters)' });
    } else name = raw.event;
  } else if (call === 'page' || call === 'screen') {
    name = typeof raw.name === 'string' ? raw.name.slice(0, 200) : null;
  } else if (call === 'group') {
    if (!idString(raw.groupId)) errors.push({ path: 'groupId', message: 'a group call needs a groupId' });
  } else if (call === 'alias') {
    if (!idString(raw.previousId))
      errors.push({ path: 'previousId', message: 'an alias call needs a previousId' });
    if (!userId) errors.push({ path: 'userId', message: 'an alias call needs a userId' });
  }
  const receivedAt = o.receivedAt.getTime();
  const warnings: WireIssue[] = [];
  const original = time(raw.originalTimestamp ?? raw.timestamp, 'timestamp', warnings);
  const sentAt = time(raw.sentAt ?? o.batchSentAt, 'sentAt', warnings);
  const identifiers: IdentifierInput[] = [];
  if (userId) identifiers.push({ type: 'user_id', value: userId, trust: 'verified' });
  if (anonymousId) identifiers.push({ type: 'anonymous_id', value: anonymousId, trust: 'verified' });
  const externalIds = context.externalIds;
  if (externalIds !== undefined) {
    if (!Array.isArray(externalIds))
      errors.push({ path: 'context.externalIds', message: 'must be an array' });
    else
      externalIds.forEach((x, i) => {
        const id = isObj(x) ? idString(x.id) : null;
        const t = isObj(x) && typeof x.type === 'string' ? externalIdType(x.type) : '';
        if (!id || !t) {
          errors.push({ path: `context.externalIds.${i}`, message: 'needs an id and a type' });
          return;
        }
        identifiers.push({
          type: t,
          value: id,
          trust: isObj(x) && x.trust === 'verified' ? 'verified' : 'claimed',
        });
      });
  }
  const consentPrefs = isObj(context.consent) ? context.consent.categoryPreferences : undefined;
  let consent: Record<string, boolean> | undefined;
  if (consentPrefs !== undefined) {
    if (!isObj(consentPrefs) || Object.values(consentPrefs).some((v) => typeof v !== 'boolean')) {
      errors.push({
        path: 'context.consent.categoryPreferences',
        message: 'must map categories to true/false',
      });
    } else {
      // Each category is a purpose on every channel; a key that is no purpose word is dropped with a warning.
      consent = {};
      for (const [category, granted] of Object.entries(consentPrefs as Record<string, boolean>)) {
        if (PURPOSE_SHAPE.test(category.trim().toLowerCase())) consent[category] = granted;
        else
          warnings.push({
            path: `context.consent.categoryPreferences.${category.slice(0, 60)}`,
            message: 'not a consent category (a word such as Marketing); dropped',
          });
      }
    }
  }
  if (errors.length) return { ok: false, messageId, errors };

  let occurredAt = receivedAt;
  if (original !== null) occurredAt = sentAt !== null ? receivedAt - (sentAt - original) : original;
  const traits = call === 'identify' || call === 'group' ? (isObj(raw.traits) ? raw.traits : {}) : {};
  const contextTraits = isObj(context.traits) ? context.traits : {};
  const properties =
    call === 'identify'
      ? traits
      : call === 'group'
        ? { groupId: idString(raw.groupId), traits }
        : isObj(raw.properties)
          ? raw.properties
          : {};
  return {
    ok: true,
    event: {
      messageId,
      kind: call as EventKind,
      name,
      identifiers,
      // group traits describe the group (a company), not the person
      traits: call === 'group' ? contextTraits : { ...contextTraits, ...traits },
      properties,
      context,
      consent,
      occurredAt: new Date(occurredAt),
      anonymousId,
      userId,
      previousId: call === 'alias' ? (idString(raw.previousId) ?? undefined) : undefined,
      warnings: warnings.length ? warnings : undefined,
    },
  };
}

/** The write key from `Authorization: Basic base64(writeKey:)` or the body's writeKey. */
export function writeKeyOf(authorization: string | undefined, body: unknown): string | undefined {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const key = decoded.split(':')[0];
    if (key) return key;
  }
  if (isObj(body) && typeof body.writeKey === 'string' && body.writeKey) return body.writeKey;
  return undefined;
}
