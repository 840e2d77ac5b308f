// The checkout bench's load generator client: replies read whole (also when they arrive in pieces),
// kept-alive sockets reused up to the limit, and a reply it cannot read refused rather than misread.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawJsonClient } from '../bench/raw-json-client.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]) {
  const s = createServer(handler);
  let connections = 0;
  s.on('connection', () => connections++);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  server = s;
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, connections: () => connections };
}

describe('rawJsonClient', () => {
  it('sends the method, path, headers and JSON body, and parses the status and JSON reply', async () => {
    const hub = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const reply = JSON.stringify({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization,
          body,
        });
        res.writeHead(201, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(reply),
        });
        res.end(reply);
      });
    });
    const client = rawJsonClient(hub.url, 2);
    const r = await client.call('POST', '/api/carts', { sku: 'é-1' }, { authorization: 'Bearer k' });
    client.close();
    expect(r).toEqual({
      status: 201,
      body: { method: 'POST', url: '/api/carts', auth: 'Bearer k', body: '{"sku":"é-1"}' },
    });
  });

  it('reads a reply that arrives in pieces, and reuses at most its sockets for many requests', async () => {
    const hub = await serve((req, res) => {
      const reply = JSON.stringify({ url: req.url, pad: 'x'.repeat(100_000) });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
      res.write(reply.slice(0, 10));
      setTimeout(() => res.end(reply.slice(10)), 5);
    });
    const client = rawJsonClient(hub.url, 3);
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => client.call('GET', `/n/${i}`)));
    client.close();
    expect(replies.map((r) => [r.status, r.body.url, r.body.pad.length])).toEqual(
      Array.from({ length: 12 }, (_, i) => [200, `/n/${i}`, 100_000]),
    );
    expect(hub.connections()).toBe(3);
  });

  it('refuses a reply without content-length instead of misreading the socket', async () => {
    const hub = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked
      res.end('{"a":1}');
    });
    const client = rawJsonClient(hub.url, 1);
    await expect(client.call('GET', '/')).rejects.toThrow(/content-length/);
    // The socket was dropped; the next call gets a new one.
    await expect(client.call('GET', '/')).rejects.toThrow(/content-length/);
    client.close();
    expect(hub.connections()).toBe(2);
  });
});
