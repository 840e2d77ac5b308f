// Reads the newest events of the log in one request (the hub walks back from the head), for a
// console page; the live stream carries on from there.
import { type ApiClient, ok } from './api.ts';
import type { LiveEvent } from './stream.ts';

export async function readEventTail(api: ApiClient, opts: { types?: string; keep?: number } = {}) {
  const page = await ok(
    api.GET('/api/events', {
      params: {
        query: {
          newest: 'true',
          limit: Math.min(opts.keep ?? 100, 1000),
          ...(opts.types ? { types: opts.types } : {}),
        },
      },
    }),
  );
  const events: LiveEvent[] = page.items.map((e) => ({
    id: e.id,
    type: e.type,
    subject: e.subject,
    channel: e.omnihubchannel,
    time: e.time,
    data: e.data,
  }));
  return { events: events.reverse(), cursor: page.next };
}
