// Reads the newest events of the log (it is read oldest first, so we page to its end and keep the
// tail). Enough for a console page; the live stream carries on from there.
import { type ApiClient, ok } from './api.ts';
import type { LiveEvent } from './stream.ts';

export async function readEventTail(api: ApiClient, opts: { types?: string; keep?: number } = {}) {
  const keep = opts.keep ?? 100;
  let after: string | undefined;
  let tail: LiveEvent[] = [];
  for (;;) {
    const page = await ok(
      api.GET('/api/events', {
        params: {
          query: { limit: 1000, ...(after ? { after } : {}), ...(opts.types ? { types: opts.types } : {}) },
        },
      }),
    );
    const items: LiveEvent[] = page.items.map((e) => ({
      id: e.id,
      type: e.type,
      subject: e.subject,
      channel: e.omnihubchannel,
      time: e.time,
      data: e.data,
    }));
    tail = [...tail, ...items].slice(-keep);
    after = page.next;
    if (page.items.length < 1000) break;
  }
  return { events: tail.reverse(), cursor: after };
}
