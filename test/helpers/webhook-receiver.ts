// A real local HTTP receiver for webhook tests and benches: records every request (headers and raw
// body) and answers with whatever status the test sets.
import type { IncomingHttpHeaders, Server } from 'node:http';
import { startStandInServer, waitUntilReceived } from './stand-in-server.js';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Answer this long after a request arrives (keeps deliveries in flight). */
  delayMs?: number;
  /** Answer for the next requests: a status (and headers), or 'hang' to never answer (a stuck receiver). */
  respond: (r: ReceivedRequest) => { status: number; headers?: Record<string, string> } | 'hang';
  waitFor(predicate: (all: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  server: Server;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = {
    received: [] as ReceivedRequest[],
    respond: (_r: ReceivedRequest) =>
      ({ status: 204 }) as { status: number; headers?: Record<string, string> },
  } as WebhookReceiver;
  const standIn = await startStandInServer((req, body, res) => {
    const r: ReceivedRequest = {
      path: req.url ?? '/',
      headers: req.headers,
      body: body.toString('utf8'),
      at: Date.now(),
    };
    receiver.received.push(r);
    const answer = receiver.respond(r);
    if (answer === 'hang') return;
    const send = () => {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
    };
    if (receiver.delayMs) setTimeout(send, receiver.delayMs);
    else send();
  });
  standIn.server.keepAliveTimeout = 30_000;
  receiver.url = `${standIn.origin}/hook`;
  receiver.server = standIn.server;
  receiver.waitFor = (predicate, timeoutMs = 20_000) =>
    waitUntilReceived(
      'receiver',
      () => predicate(receiver.received),
      () => receiver.received.length,
      timeoutMs,
    );
  receiver.close = standIn.close;
  return receiver;
}
