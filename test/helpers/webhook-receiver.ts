// A real local HTTP receiver for webhook tests and benches: records every request (headers and raw
// body) and answers with whatever status the test sets.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

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
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: ReceivedRequest = {
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
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
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  receiver.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
  receiver.server = server;
  receiver.waitFor = async (predicate, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(receiver.received)) {
      if (Date.now() > deadline)
        throw new Error(`receiver: condition not met; got ${receiver.received.length} requests`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
