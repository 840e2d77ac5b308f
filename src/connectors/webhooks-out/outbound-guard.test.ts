// Outbound calls: the SSRF guard's address table (every special-purpose IPv6 form, embedded IPv4
// judged as IPv4), the check at every send through the socket's lookup (a name that re-resolves to
// loopback after it was saved is refused and never connected to), and the cap on answers read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboundClient } from './outbound-http.js';
import { redactCredentialHeaders } from './redact-headers.js';
import { createSender } from './sender.js';
import { createTargetGuard, isPrivateAddress, type Resolver } from './ssrf-guard.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ port: number; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    handler!(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, hits: () => hits };
}

const delivery = (url: string) => ({
  id: 'msg_1',
  endpointId: 'whk_1',
  url,
  body: '{}',
  contentType: 'application/json',
  attempts: 1,
  secrets: [`whsec_${Buffer.alloc(32).toString('base64')}`],
  eventOccurredAt: new Date(),
});

describe('SSRF address table', () => {
  it('refuses IPv6 forms that reach loopback or private networks, judging embedded IPv4 as IPv4', () => {
    for (const a of [
      '::7f00:1', // IPv4-compatible 127.0.0.1
      '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
      '::ffff:0:7f00:1', // IPv4-translated 127.0.0.1
      'fec0::1', // site-local
      '2002:7f00:1::', // 6to4 of 127.0.0.1
      '2002:a00:1::1', // 6to4 of 10.0.0.1
      '64:ff9b:1::a00:1', // local-use NAT64
      '2001::1', // Teredo
      '2001:db8::1', // documentation
      '100::1', // discard
      '3fff::1', // documentation (RFC 9637)
      '::',
      '::ffff:169.254.169.254',
      '[::1]',
      'fe80::1%eth0',
      '192.0.2.1',
      '198.18.0.1',
      '100.64.0.1',
      '255.255.255.255',
      '240.0.0.1',
      'localhost',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of [
      '8.8.8.8',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
    ])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses the IPv6 literals in URLs when saved', async () => {
    const strict = createTargetGuard({ allowPrivate: false });
    for (const url of ['http://[::7f00:1]/', 'http://[64:ff9b::7f00:1]:8080/', 'http://[2002:7f00:1::]/'])
      await expect(strict.check(url), url).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('outbound calls', () => {
  it('checks the target at every send and connects to the address it checked (no DNS rebinding)', async () => {
    const target = await listen((_req, res) => res.end('ok'));
    let answer = '93.184.216.34';
    const resolver: Resolver = (_host, _opts, cb) => cb(null, [{ address: answer, family: 4 }]);
    const guard = createTargetGuard({ allowPrivate: false, resolver });
    const url = `http://rebind.example:${target.port}/hook`;
    await expect(guard.check(url)).resolves.toBeUndefined(); // saved while it resolved publicly
    answer = '127.0.0.1'; // …then the name moves to loopback
    const sender = createSender({ timeoutMs: 2_000, guard });
    const outcome = await sender.send(delivery(url), Math.floor(Date.now() / 1000));
    sender.close();
    expect(outcome).toMatchObject({ kind: 'failed', statusCode: null });
    expect((outcome as { error: string }).error).toMatch(/private or loopback/);
    const literal = createSender({ timeoutMs: 2_000, guard });
    const direct = await literal.send(delivery(`http://[::ffff:7f00:1]:${target.port}/`), 0);
    literal.close();
    expect((direct as { error: string }).error).toMatch(/not allowed/);
    expect(target.hits()).toBe(0);
  });

  it('connects by name through the guard when the address is allowed', async () => {
    const target = await listen((_req, res) => res.end('hello'));
    const client = createOutboundClient({ guard: createTargetGuard({ allowPrivate: true }) });
    const res = await client.request({
      method: 'GET',
      url: `http://localhost:${target.port}/`,
      headers: {},
      timeoutMs: 2_000,
    });
    client.close();
    expect(res).toMatchObject({ status: 200, truncated: false });
    expect(res.body.toString()).toBe('hello');
  });

  it('reads at most maxResponseBytes of an answer and closes the connection', async () => {
    const target = await listen((_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (res.write(chunk)) {}
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump(); // endless: only a cap ends it
    });
    const client = createOutboundClient({
      guard: createTargetGuard({ allowPrivate: true }),
      maxResponseBytes: 100_000,
    });
    const res = await client.request({
      method: 'GET',
      url: `http://127.0.0.1:${target.port}/big`,
      headers: {},
      timeoutMs: 5_000,
    });
    client.close();
    expect(res).toMatchObject({ status: 200, truncated: true });
    expect(res.body.length).toBe(100_000);
    const sender = createSender({ timeoutMs: 5_000, guard: createTargetGuard({ allowPrivate: true }) });
    const outcome = await sender.send(delivery(`http://127.0.0.1:${target.port}/hook`), 0);
    sender.close();
    expect(outcome).toMatchObject({ kind: 'delivered', statusCode: 200 });
  });

  it('gives up on an answer that drips past the deadline', async () => {
    const target = await listen((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(t));
    });
    const client = createOutboundClient({ guard: createTargetGuard({ allowPrivate: true }) });
    await expect(
      client.request({ method: 'GET', url: `http://127.0.0.1:${target.port}/`, headers: {}, timeoutMs: 300 }),
    ).rejects.toThrow(/no answer within 300 ms/);
    client.close();
  });
});

describe('dry-run headers', () => {
  it('redacts every credential header and keeps the rest', () => {
    expect(
      redactCredentialHeaders({
        authorization: 'Bearer secret',
        'x-shopify-access-token': 'shpat_1',
        'x-api-key': 'k',
        cookie: 'sid=1',
        'webhook-signature': 'v1,abc',
        'x-wc-webhook-signature': 's',
        'content-type': 'application/json',
      }),
    ).toEqual({
      authorization: '[redacted]',
      'x-shopify-access-token': '[redacted]',
      'x-api-key': '[redacted]',
      cookie: '[redacted]',
      'webhook-signature': '[redacted]',
      'x-wc-webhook-signature': '[redacted]',
      'content-type': 'application/json',
    });
  });
});
