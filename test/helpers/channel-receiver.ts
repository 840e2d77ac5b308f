// A real local HTTP server standing in for an external channel (a generic batch endpoint or a
// WooCommerce shop): records every request and answers with whatever the test's handler says.
import type { IncomingHttpHeaders, Server } from 'node:http';
import { startStandInServer, waitUntilReceived } from './stand-in-server.js';

export interface ChannelRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export interface ChannelAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ChannelReceiver {
  url: string;
  requests: ChannelRequest[];
  handle: (r: ChannelRequest) => ChannelAnswer;
  waitFor(predicate: (all: ChannelRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  server: Server;
}

export async function startChannelReceiver(): Promise<ChannelReceiver> {
  const receiver = {
    requests: [] as ChannelRequest[],
    handle: () => ({ status: 200 }),
  } as unknown as ChannelReceiver;
  const standIn = await startStandInServer((req, raw, res) => {
    const body = raw.toString('utf8');
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const r: ChannelRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body,
      json,
      at: Date.now(),
    };
    receiver.requests.push(r);
    const answer = receiver.handle(r);
    // A Buffer answer goes as raw bytes (a media file), anything else as JSON.
    const isRaw = Buffer.isBuffer(answer.body);
    const text = isRaw
      ? (answer.body as Buffer)
      : answer.body === undefined
        ? ''
        : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...(text.length && !isRaw ? { 'content-type': 'application/json' } : {}),
      ...answer.headers,
    });
    res.end(text);
  });
  receiver.url = standIn.origin;
  receiver.server = standIn.server;
  receiver.waitFor = (predicate, timeoutMs = 20_000) =>
    waitUntilReceived(
      'channel receiver',
      () => predicate(receiver.requests),
      () => receiver.requests.length,
      timeoutMs,
    );
  receiver.close = standIn.close;
  return receiver;
}

/** One SKU as a stand-in generic channel keeps it: what it was last pushed, editable by the test. */
export type StandInItem = Record<string, unknown>;

/**
 * Makes the receiver a generic channel's own catalogue: it keeps what it is pushed (per SKU, the
 * fields of the kinds changed) and answers the consistency audit's read-back (GET ?skus=a,b). The
 * returned map is that catalogue: a test edits it as the channel's back office would.
 */
export function keepPushedCatalogue(receiver: ChannelReceiver): Map<string, StandInItem> {
  const state = new Map<string, StandInItem>();
  receiver.handle = (r) => {
    const url = new URL(r.path, 'http://x');
    if (r.method === 'GET') {
      const skus = (url.searchParams.get('skus') ?? '').split(',');
      return { status: 200, body: { items: skus.filter((s) => state.has(s)).map((s) => state.get(s)) } };
    }
    const pushed = (r.json?.items ?? []) as Array<{
      sku: string;
      changed: string[];
      availableToSell: number;
      price: { decimal: string } | null;
      salePrice?: { decimal: string } | null;
      listed: boolean;
      title: string;
      description: string | null;
    }>;
    for (const i of pushed) {
      const s: StandInItem = state.get(i.sku) ?? { sku: i.sku };
      if (i.changed.includes('stock')) s.availableToSell = i.availableToSell;
      if (i.changed.includes('price')) {
        s.price = i.price?.decimal ?? null;
        s.salePrice = i.salePrice?.decimal ?? null;
      }
      if (i.changed.includes('listing'))
        Object.assign(s, { listed: i.listed, title: i.title, description: i.description });
      state.set(i.sku, s);
    }
    return { status: 204 };
  };
  return state;
}
