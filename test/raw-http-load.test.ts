// The benches' cheap load generator against a local server that answers slowly: the closed loop
// never has more requests in flight than sockets; the open loop sends each request no earlier than
// it is due and does not wait for earlier answers (a slow server meets every arrival).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { httpRequestBytes, rawHttpLoad } from '../bench/raw-http-load.js';

const REPLY_AFTER_MS = 60;
let server: Server;
let baseUrl: string;
let inFlight = 0;
let mostInFlight = 0;
let arrivals: Array<{ k: number; at: number }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const k = Number(req.url!.slice(1));
    arrivals.push({ k, at: performance.now() });
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        inFlight--;
        // Every third request is refused, with a body naming it (a length, as Fastify always sends).
        const body = k % 3 === 2 ? `refused ${k}` : 'ok';
        res.writeHead(k % 3 === 2 ? 409 : 200, { 'content-length': Buffer.byteLength(body) }).end(body);
      }, REPLY_AFTER_MS),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const requestsOf = (n: number) =>
  Array.from({ length: n }, (_, k) =>
    httpRequestBytes('POST', `/${k}`, new URL(baseUrl).host, { 'content-type': 'text/plain' }, `body ${k}`),
  );

function reset() {
  arrivals = [];
  mostInFlight = 0;
}

it('closed loop: each socket sends its next request once its last one was answered', async () => {
  reset();
  const bodies: string[] = [];
  const r = await rawHttpLoad({
    baseUrl,
    connections: 3,
    requests: requestsOf(12),
    wantBody: (status) => status !== 200,
    onReply: (status, body) => {
      if (status !== 200) bodies.push(body!);
    },
  });
  expect(r).toMatchObject({ sent: 12, answered: 12, errors: 0, timeouts: 0, socketsOpened: 3 });
  expect(Object.fromEntries(r.statuses)).toEqual({ 200: 8, 409: 4 });
  expect(bodies.sort()).toEqual(['refused 11', 'refused 2', 'refused 5', 'refused 8']);
  expect(mostInFlight).toBeLessThanOrEqual(3);
  // Four rounds of three, each answered after REPLY_AFTER_MS.
  expect(r.elapsedMs).toBeGreaterThanOrEqual(4 * REPLY_AFTER_MS - 5);
});

it('open loop: request k leaves at start + k / rate, whether or not earlier ones were answered', async () => {
  reset();
  const rate = 100;
  const n = 20;
  const started = performance.now();
  const r = await rawHttpLoad({ baseUrl, connections: 50, requests: requestsOf(n), ratePerSecond: rate });
  expect(r).toMatchObject({ sent: n, answered: n, errors: 0, timeouts: 0 });
  expect(Object.fromEntries(r.statuses)).toEqual({ 200: 14, 409: 6 });
  expect(arrivals.map((a) => a.k).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
  // None early (a closed loop of 50 sockets would send all twenty at once) ...
  for (const { k, at } of arrivals) expect(at - started).toBeGreaterThanOrEqual((k * 1000) / rate - 2);
  // ... and none held back for an answer: a reply takes longer than the gap between two requests.
  expect(mostInFlight).toBeGreaterThan(1);
  expect(r.socketsOpened).toBeGreaterThan(1);
  expect(r.maxSendLagMs).toBeGreaterThanOrEqual(0);
});

it('open loop: with every socket busy, a due request waits for one to come free', async () => {
  reset();
  const r = await rawHttpLoad({ baseUrl, connections: 2, requests: requestsOf(6), ratePerSecond: 1000 });
  expect(r).toMatchObject({ sent: 6, answered: 6, errors: 0, socketsOpened: 2 });
  expect(mostInFlight).toBeLessThanOrEqual(2);
  // The last two waited for two rounds of answers.
  expect(r.maxSendLagMs).toBeGreaterThanOrEqual(2 * REPLY_AFTER_MS - 10);
});
