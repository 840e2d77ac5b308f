// Live events for the apps: the hub's server-sent event stream (/api/stream) read with fetch so the
// key travels in the Authorization header, not the URL. When a hub has no stream route, the apps
// follow the event log (/api/events) from its end instead, once a second.
export interface LiveEvent {
  id: string;
  type: string;
  subject: string;
  channel?: string | undefined;
  time: string;
  data: Record<string, unknown>;
}

export type LiveStatus = 'connecting' | 'live' | 'polling' | 'offline';

export interface LiveOptions {
  /** The app's key; empty for the signed-in shopper's own stream (the session cookie travels). */
  key: string;
  /** `/api/me/stream`: the signed-in shopper's own order events (no polling fallback). */
  shopper?: boolean;
  /** Event types; a trailing * matches a prefix (as the event log's `types` filter). */
  types?: string[];
  /** Another SSE route of the hub for the same events (e.g. `/api/inbox/stream` for agents). */
  path?: string;
  /** More query parameters of /api/stream (e.g. a till's `cart`: its sale customer's inbox events). */
  query?: Record<string, string>;
  onEvent(event: LiveEvent): void;
  onStatus?(status: LiveStatus): void;
}

const POLL_MS = 1000;
const RETRY_MS = 2000;

export function matchesTypes(type: string, patterns: string[] | undefined): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((p) => (p.endsWith('*') ? type.startsWith(p.slice(0, -1)) : type === p));
}

function toLiveEvent(raw: unknown, fallbackType: string | undefined): LiveEvent | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const e = raw as Record<string, unknown>;
  const type = typeof e.type === 'string' ? e.type : fallbackType;
  if (!type) return undefined;
  const data = (e.data && typeof e.data === 'object' ? e.data : (e.payload ?? {})) as Record<string, unknown>;
  return {
    id: String(e.id ?? ''),
    type,
    subject: String(e.subject ?? ''),
    channel: (e.omnihubchannel ?? e.channel ?? undefined) as string | undefined,
    time: String(e.time ?? e.occurredAt ?? new Date().toISOString()),
    data,
  };
}

/** Starts following live events; returns a function that stops. */
export function followEvents(opts: LiveOptions): () => void {
  const abort = new AbortController();
  const headers: Record<string, string> = opts.shopper ? {} : { authorization: `Bearer ${opts.key}` };
  const status = (s: LiveStatus) => opts.onStatus?.(s);
  const deliver = (e: LiveEvent | undefined) => {
    if (e && matchesTypes(e.type, opts.types)) opts.onEvent(e);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });

  async function streamOnce(): Promise<'unsupported' | 'ended'> {
    const params = new URLSearchParams(opts.query);
    if (opts.types?.length) params.set('types', opts.types.join(','));
    const query = params.size ? `?${params}` : '';
    const path = opts.shopper ? '/api/me/stream' : opts.path ? opts.path : `/api/stream${query}`;
    const res = await fetch(path, {
      headers: { ...headers, accept: 'text/event-stream' },
      credentials: 'same-origin',
      signal: abort.signal,
    });
    if (res.status === 404 || res.status === 405) return 'unsupported';
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    // "live" only once the hub says this client is registered (its `: connected` comment): before
    // that, a change committed now might not reach us, and a page (or test) would wait for nothing.
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      buffer += value;
      let cut = buffer.search(/\r?\n\r?\n/);
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        handleBlock(block);
        cut = buffer.search(/\r?\n\r?\n/);
      }
    }
  }

  function handleBlock(block: string) {
    let eventName: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(': connected')) status('live');
      if (line.startsWith('event:')) eventName = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0) return;
    try {
      deliver(toLiveEvent(JSON.parse(data.join('\n')), eventName));
    } catch {
      // a comment or keep-alive that is not JSON
    }
  }

  async function poll() {
    status('polling');
    const page = async (after: string | undefined) => {
      // The stream's own parameters too (a till's `cart`: its sale customer's inbox events).
      const q = new URLSearchParams({ ...opts.query, limit: '1000' });
      if (after) q.set('after', after);
      if (opts.types?.length) q.set('types', opts.types.join(','));
      const res = await fetch(`/api/events?${q}`, { headers, signal: abort.signal });
      if (!res.ok) throw new Error(`events answered ${res.status}`);
      return (await res.json()) as { items: unknown[]; next: string };
    };
    // Start at the end of the log: the apps show the present and what happens next.
    let cursor: string | undefined;
    for (;;) {
      const p = await page(cursor);
      cursor = p.next;
      if (p.items.length < 1000) break;
    }
    while (!abort.signal.aborted) {
      await sleep(POLL_MS);
      if (abort.signal.aborted) return;
      const p = await page(cursor);
      cursor = p.next;
      for (const item of p.items) deliver(toLiveEvent(item, undefined));
    }
  }

  void (async () => {
    while (!abort.signal.aborted) {
      status('connecting');
      try {
        if ((await streamOnce()) === 'unsupported' && !opts.shopper) await poll();
      } catch {
        if (abort.signal.aborted) return;
        status('offline');
      }
      await sleep(RETRY_MS);
    }
  })();
  return () => abort.abort();
}
