// A cheap load generator: HTTP/1.1 requests serialized to bytes before the measured window, written
// on kept-alive sockets one at a time per socket, replies read just far enough for the status and
// body length. autocannon (a parser, histograms and a request builder per request) cost the
// hot-SKU bench ~70 µs of CPU per request, a third of the machine's budget at 10,000/s.
import { connect, type Socket } from 'node:net';

export interface RawLoadOptions {
  baseUrl: string;
  connections: number;
  /** The requests to send, each whole (request line, headers, body); each sent once, in order. */
  requests?: readonly Buffer[];
  /**
   * Or requests sent until `durationMs` has passed: one again and again, several in turn, or the
   * k-th made by a function (a new query each time).
   */
  repeat?: { request: Buffer | readonly Buffer[] | ((k: number) => Buffer); durationMs: number };
  /** Each reply's status; its body only when `wantBody` says so for that status (decoding costs). */
  onReply?: (status: number, body: string | undefined) => void;
  wantBody?: (status: number) => boolean;
  /** Per request, ms; a request still unanswered then counts as a timeout and its socket is dropped. */
  timeoutMs?: number;
}

export interface RawLoadResult {
  sent: number;
  answered: number;
  errors: number;
  timeouts: number;
  statuses: Map<number, number>;
  /** Latencies in ms, one per answered request (sorted). */
  latencies: Float64Array;
  /** The answered replies' bodies, in bytes. */
  bodyBytes: number;
  elapsedMs: number;
}

/** One request's bytes: method, path, headers and an optional JSON body (content-length set). */
export function httpRequestBytes(
  method: string,
  path: string,
  host: string,
  headers: Record<string, string>,
  body?: string,
): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
  return Buffer.from(`${head}\r\n${body ?? ''}`);
}

export const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i;
// How Node writes the header Fastify sets: found in the bytes, without decoding the head.
const CONTENT_LENGTH_LOWER = Buffer.from('\r\ncontent-length: ');

/** The reply's body length from its head (bytes 0..headEnd). */
export function contentLength(buf: Buffer, headEnd: number): number {
  const at = buf.indexOf(CONTENT_LENGTH_LOWER);
  if (at < 0 || at > headEnd) {
    return Number(CONTENT_LENGTH.exec(buf.toString('latin1', 0, headEnd + 2))?.[1] ?? 0);
  }
  let n = 0;
  for (let i = at + CONTENT_LENGTH_LOWER.length; i < headEnd; i++) {
    const digit = buf[i]! - 48;
    if (digit < 0 || digit > 9) break;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Reads a socket's replies one after the other: the head is gathered until its end, the body only
 * counted (or gathered when its text is wanted), so a reply of many chunks costs no copies.
 */
function replyReader(
  wantBody: ((status: number) => boolean) | undefined,
  onReply: (status: number, body: string | undefined, bodyBytes: number) => void,
): (chunk: Buffer) => void {
  let head: Buffer | null = null;
  let status = 0;
  let length = 0;
  let remaining = -1; // body bytes still to come; -1 while a head is being read
  let parts: Buffer[] | null = null;
  return (chunk) => {
    let buf = chunk;
    for (;;) {
      if (remaining < 0) {
        if (buf.length === 0) return;
        const all = head ? Buffer.concat([head, buf]) : buf;
        const headEnd = all.indexOf(HEADER_END);
        if (headEnd < 0) {
          head = all;
          return;
        }
        head = null;
        status = (all[9]! - 48) * 100 + (all[10]! - 48) * 10 + (all[11]! - 48);
        length = contentLength(all, headEnd);
        remaining = length;
        parts = wantBody?.(status) ? [] : null;
        buf = all.subarray(headEnd + 4);
      }
      const take = Math.min(remaining, buf.length);
      parts?.push(buf.subarray(0, take));
      remaining -= take;
      buf = buf.subarray(take);
      if (remaining > 0) return;
      remaining = -1;
      const body = parts ? Buffer.concat(parts).toString('utf8') : undefined;
      parts = null;
      onReply(status, body, length);
    }
  };
}

export async function rawHttpLoad(opts: RawLoadOptions): Promise<RawLoadResult> {
  const url = new URL(opts.baseUrl);
  const total = opts.requests?.length ?? Number.POSITIVE_INFINITY;
  const latencies = new Float64Array(Number.isFinite(total) ? total : 4_000_000);
  const statuses = new Map<number, number>();
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let next = 0;
  let answered = 0;
  let errors = 0;
  let timeouts = 0;
  let bodyBytes = 0;
  const started = performance.now();
  const deadline = opts.repeat ? started + opts.repeat.durationMs : Number.POSITIVE_INFINITY;
  const take = (): Buffer | undefined => {
    if (opts.repeat) {
      if (performance.now() >= deadline) return undefined;
      const r = opts.repeat.request;
      const request = Buffer.isBuffer(r) ? r : typeof r === 'function' ? r(next) : r[next % r.length];
      next++;
      return request;
    }
    return next < total ? opts.requests![next++] : undefined;
  };

  // One sweep over the sockets' waits instead of a timer re-armed for every request.
  const waiting = new Set<{ since: number; fail: (timedOut: boolean) => void }>();
  const sweep = setInterval(
    () => {
      const now = performance.now();
      for (const w of waiting) if (now - w.since > timeoutMs) w.fail(true);
    },
    Math.min(1_000, timeoutMs),
  );

  const runSocket = () =>
    new Promise<void>((resolve) => {
      const socket: Socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      let sentAt = 0;
      const fail = (timedOut: boolean) => {
        if (timedOut) timeouts++;
        else errors++;
        socket.destroy();
        done();
      };
      const wait = { since: performance.now(), fail };
      waiting.add(wait);
      const done = () => {
        waiting.delete(wait);
        resolve();
      };
      const sendNext = () => {
        const request = take();
        if (!request) {
          socket.end();
          return done();
        }
        sentAt = performance.now();
        wait.since = sentAt;
        socket.write(request);
      };
      socket.on('connect', sendNext);
      socket.on('error', () => fail(false));
      socket.on(
        'data',
        replyReader(opts.wantBody, (status, body, length) => {
          latencies[answered++] = performance.now() - sentAt;
          bodyBytes += length;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          opts.onReply?.(status, body);
          sendNext();
        }),
      );
      socket.on('close', done);
    });

  await Promise.all(Array.from({ length: opts.connections }, runSocket)).finally(() => clearInterval(sweep));
  const sorted = latencies.slice(0, answered).sort();
  return {
    sent: next,
    answered,
    errors,
    timeouts,
    statuses,
    latencies: sorted,
    bodyBytes,
    elapsedMs: performance.now() - started,
  };
}

/** A run's figures as scenarios report them: answers by outcome, rate and latency (ms). */
export function loadFigures(r: RawLoadResult) {
  const ok = [...r.statuses].reduce((n, [status, k]) => (status < 300 ? n + k : n), 0);
  return {
    total: r.answered,
    ok,
    non2xx: r.answered - ok,
    errors: r.errors,
    timeouts: r.timeouts,
    requestsPerSecond: r.answered / (r.elapsedMs / 1000),
    bodyBytesPerSecond: r.bodyBytes / (r.elapsedMs / 1000),
    p50: sortedPercentile(r.latencies, 50),
    p99: sortedPercentile(r.latencies, 99),
    max: sortedPercentile(r.latencies, 100),
  };
}

/** Nearest-rank percentile of sorted latencies (ms, three decimals). */
export function sortedPercentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 1000) / 1000;
}
