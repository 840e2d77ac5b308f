// The loopback HTTP server under the stand-ins for remote systems (a channel or shop, a webhook
// receiver): reads each request's whole body, listens on a free port, closes with its connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface StandInServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export async function startStandInServer(
  onRequest: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void,
): Promise<StandInServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => onRequest(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return {
    origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `done()` holds; past the deadline it throws, saying how many requests came. */
export async function waitUntilReceived(
  label: string,
  done: () => boolean,
  count: () => number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${label}: condition not met; got ${count()} requests`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
