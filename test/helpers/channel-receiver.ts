// A real local HTTP server standing in for an external channel (a generic batch endpoint or a
// WooCommerce shop): records every request and answers with whatever the test's handler says.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

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
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
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
      const raw = Buffer.isBuffer(answer.body);
      const text = raw
        ? (answer.body as Buffer)
        : answer.body === undefined
          ? ''
          : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        ...(text.length && !raw ? { 'content-type': 'application/json' } : {}),
        ...answer.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  receiver.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  receiver.server = server;
  receiver.waitFor = async (predicate, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(receiver.requests)) {
      if (Date.now() > deadline)
        throw new Error(`channel receiver: condition not met; got ${receiver.requests.length} requests`);
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
