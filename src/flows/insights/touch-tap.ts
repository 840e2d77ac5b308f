// Web and app visits reach the insights through the event log: ingestion's onStored hook hands the
// batch's page views, screens and tracks over as one insights.touchpoints_seen event in the storing
// transaction, one touchpoint per customer, channel, half hour and campaign (utm from the event's
// context.campaign, its properties or its page address), nothing personal.
import type { StoredIngestEvent } from '../../modules/customers/index.js';
import { INSIGHTS_EVENTS, type InsightsEventPayload } from '../../modules/insights/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';

const VISIT_KINDS = new Set(['page', 'screen', 'track']);
/** The hub's own orders and carts, handed to ingestion for profiles: the projection reads them directly. */
const OWN_SOURCES = /^(orders|carts):/;
const HALF_HOUR_MS = 30 * 60_000;
const MAX_UTM = 200;

type Touch = InsightsEventPayload<typeof INSIGHTS_EVENTS.touchpointsSeen>['touchpoints'][number];

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim().length > 0 ? v.trim().toLowerCase().slice(0, MAX_UTM) : null;
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function utmOfUrl(url: unknown): URLSearchParams | null {
  if (typeof url !== 'string' || !url.includes('utm_')) return null;
  try {
    return new URL(url, 'http://x').searchParams;
  } catch {
    return null;
  }
}

/** The campaign an event came through: Segment's context.campaign, utm_* properties, or the page URL. */
export function campaignOf(e: Pick<StoredIngestEvent, 'properties' | 'context'>) {
  const c = record(e.context?.campaign);
  const page = utmOfUrl(record(e.context?.page).url) ?? utmOfUrl(e.properties.url);
  const pick = (k: 'source' | 'medium' | 'name') =>
    text(c[k]) ??
    text(e.properties[`utm_${k === 'name' ? 'campaign' : k}`]) ??
    text(page?.get(`utm_${k === 'name' ? 'campaign' : k}`));
  return { source: pick('source'), medium: pick('medium'), campaign: pick('name') };
}

/** The onStored hook: the batch's visits as one event (none when it has none). */
export function handOffTouchpoints(_ctx: Ctx, stored: StoredIngestEvent[]): NewEvent[] {
  const seen = new Map<string, Touch>();
  for (const e of stored) {
    if (!VISIT_KINDS.has(e.kind) || OWN_SOURCES.test(e.sourceId)) continue;
    const { source, medium, campaign } = campaignOf(e);
    const bucket = Math.floor(e.occurredAt.getTime() / HALF_HOUR_MS);
    const key = `${e.profileId}|${e.channelId}|${bucket}|${source}|${medium}|${campaign}`;
    const at = e.occurredAt.toISOString();
    const had = seen.get(key);
    if (had && had.at <= at) continue;
    seen.set(key, { customerId: e.profileId, channelId: e.channelId, at, source, medium, campaign });
  }
  if (seen.size === 0) return [];
  const touchpoints = [...seen.values()];
  return [
    {
      type: INSIGHTS_EVENTS.touchpointsSeen,
      subject: touchpoints[0]!.customerId,
      channelId: null,
      payload: { touchpoints },
    },
  ];
}
