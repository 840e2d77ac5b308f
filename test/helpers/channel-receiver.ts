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
