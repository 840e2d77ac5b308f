// A cheap load generator: HTTP/1.1 requests serialized to bytes before the measured window, written
// on kept-alive sockets one at a time per socket, replies read just far enough for the status and
// body length. autocannon (a parser, histograms and a request builder per request) cost the
// hot-SKU bench ~70 µs of CPU per request, a third of the machine's budget at 10,000/s.
//
// Two loops: closed (`connections` sockets, each sending its next request once the last one was
// answered) and open (`ratePerSecond`: request k leaves at start + k / rate whether or not earlier
// ones were answered, on an idle socket or a new one, so a slow server meets the arrivals that a
// population of senders would make, as fetch() with its unbounded pool did).
import { connect, type Socket } from 'node:net';

export interface RawLoadOptions {
  baseUrl: string;
  /** Closed loop: the sockets. Open loop: the most sockets open at once (a due request waits for one). */
  connections: number;
  /** The requests to send, each whole (request line, headers, body); each sent once, in order. */
  requests?: readonly Buffer[];
  /**
   * Or requests sent until `durationMs` has passed (closed loop only): one again and again, several
   * in turn, or the k-th made by a function (a new query each time).
   */
  repeat?: { request: Buffer | readonly Buffer[] | ((k: number) => Buffer); durationMs: number };
  /** Open loop: `requests[k]` is due at start + k / ratePerSecond. */
  ratePerSecond?: number;
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
  /** Latencies in ms, one per answered request (sorted), from the write of its bytes. */
  latencies: Float64Array;
  /** The answered replies' bodies, in bytes. */
  bodyBytes: number;
  elapsedMs: number;
  /** Open loop: the most a request left after it was due (ms), waiting for a socket or the timer. */
  maxSendLagMs?: number;
  /** The most sockets open at once. */
  socketsOpened: number;
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

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i;
// How Node writes the header Fastify sets: found in the bytes, without decoding the head.
const CONTENT_LENGTH_LOWER = Buffer.from('\r\ncontent-length: ');

/** The reply's body length from its head (bytes 0..headEnd); null when the head names none. */
function contentLength(buf: Buffer, headEnd: number): number | null {
  const at = buf.indexOf(CONTENT_LENGTH_LOWER);
  if (at < 0 || at > headEnd) {
    const named = CONTENT_LENGTH.exec(buf.toString('latin1', 0, headEnd + 2))?.[1];
    return named === undefined ? null : Number(named);
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
 * counted (its text made only when asked for), so a reply of many chunks costs no copies. A reply
 * without content-length (chunked) cannot be read this way: `onUnreadable` is called and nothing more.
 */
export function replyReader(
  onReply: (status: number, bodyBytes: number, body: () => string) => void,
  onUnreadable: (reason: string) => void,
): (chunk: Buffer) => void {
  let head: Buffer | null = null;
  let status = 0;
  let length = 0;
  let remaining = -1; // body bytes still to come; -1 while a head is being read
  let parts: Buffer[] = [];
  const body = () => Buffer.concat(parts).toString('utf8');
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
        const named = contentLength(all, headEnd);
        if (named === null) {
          remaining = Number.POSITIVE_INFINITY; // read nothing more on this socket
          onUnreadable('a reply without content-length (chunked replies are not read here)');
          return;
        }
        length = named;
        remaining = length;
        parts = [];
        buf = all.subarray(headEnd + 4);
      }
      const take = Math.min(remaining, buf.length);
      if (take > 0) parts.push(buf.subarray(0, take));
      remaining -= take;
      buf = buf.subarray(take);
      if (remaining > 0) return;
      remaining = -1;
      onReply(status, length, body);
    }
  };
}

/** What the sockets of one run share: the counts, the latencies and the sockets awaiting a reply. */
class LoadRun {
  answered = 0;
  bodyBytes = 0;
  errors = 0;
  timeouts = 0;
  readonly statuses = new Map<number, number>();
  readonly latencies: Float64Array;
  /** Sockets connecting or awaiting a reply, with the time they started waiting. */
  readonly waiting = new Map<RawSocket, number>();
  open = 0;
  mostOpen = 0;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    readonly url: URL,
    readonly opts: RawLoadOptions,
    capacity: number,
  ) {
    this.latencies = new Float64Array(capacity);
    const timeoutMs = opts.timeoutMs ?? 30_000;
    // One sweep over the sockets' waits instead of a timer re-armed for every request.
    this.sweep = setInterval(
      () => {
        const now = performance.now();
        for (const [socket, since] of this.waiting) if (now - since > timeoutMs) socket.fail(true);
      },
      Math.min(1_000, timeoutMs),
    );
  }

  record(status: number, latencyMs: number, bodyBytes: number, body: () => string) {
    this.latencies[this.answered++] = latencyMs;
    this.bodyBytes += bodyBytes;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    this.opts.onReply?.(status, this.opts.wantBody?.(status) ? body() : undefined);
  }

  stop() {
    clearInterval(this.sweep);
  }
}

/**
 * One kept-alive socket that writes `first` once connected, then, after each reply, whatever
 * `next` gives (nothing: it waits idle until `send`, or `end`). Calls `gone` once when it closes.
 */
class RawSocket {
  private readonly socket: Socket;
  private sentAt = 0;
  private closed = false;

  constructor(
    private readonly run: LoadRun,
    first: Buffer,
    private readonly next: (s: RawSocket) => Buffer | undefined,
    private readonly gone: () => void,
  ) {
    run.open++;
    run.mostOpen = Math.max(run.mostOpen, run.open);
    run.waiting.set(this, performance.now());
    this.socket = connect({ host: run.url.hostname, port: Number(run.url.port), noDelay: true });
    this.socket.on('connect', () => this.send(first));
    this.socket.on('error', () => this.fail(false));
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('close', () => this.close());
  }

  send(request: Buffer) {
    this.sentAt = performance.now();
    this.run.waiting.set(this, this.sentAt);
    this.socket.write(request);
  }

  end() {
    this.socket.end();
  }

  fail(timedOut: boolean) {
    if (this.closed) return;
    if (timedOut) this.run.timeouts++;
    else this.run.errors++;
    this.socket.destroy();
    this.close();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.run.waiting.delete(this);
    this.run.open--;
    this.gone();
  }

  private readonly read = replyReader(
    (status, bodyBytes, body) => {
      this.run.waiting.delete(this);
      this.run.record(status, performance.now() - this.sentAt, bodyBytes, body);
      const request = this.next(this);
      if (request) this.send(request);
    },
    () => this.fail(false),
  );
}

function result(run: LoadRun, sent: number, started: number, maxSendLagMs?: number): RawLoadResult {
  run.stop();
  return {
    sent,
    answered: run.answered,
    errors: run.errors,
    timeouts: run.timeouts,
    statuses: run.statuses,
    latencies: run.latencies.slice(0, run.answered).sort(),
    bodyBytes: run.bodyBytes,
    elapsedMs: performance.now() - started,
    ...(maxSendLagMs === undefined ? {} : { maxSendLagMs: Math.round(maxSendLagMs * 1000) / 1000 }),
    socketsOpened: run.mostOpen,
  };
}

/** Closed loop: `connections` sockets, each sending the next request once its last was answered. */
function closedLoop(opts: RawLoadOptions, url: URL): Promise<RawLoadResult> {
  const total = opts.requests?.length ?? Number.POSITIVE_INFINITY;
  const run = new LoadRun(url, opts, Number.isFinite(total) ? total : 4_000_000);
  const started = performance.now();
  const deadline = opts.repeat ? started + opts.repeat.durationMs : Number.POSITIVE_INFINITY;
  let next = 0;
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
  return new Promise((resolve) => {
    const gone = () => {
      if (run.open === 0) resolve(result(run, next, started));
    };
    const takeOrEnd = (s: RawSocket) => {
      const request = take();
      if (!request) s.end();
      return request;
    };
    const firsts = Array.from({ length: opts.connections }, take).filter((r) => r !== undefined);
    for (const first of firsts) new RawSocket(run, first, takeOrEnd, gone);
    if (firsts.length === 0) resolve(result(run, next, started));
  });
}

/**
 * Open loop: request k is due at start + k / rate; a timer sends those due on idle sockets and opens
 * a socket for each one left (at most `connections` open; beyond that it waits for an idle one).
 */
function openLoop(opts: RawLoadOptions, url: URL, rate: number): Promise<RawLoadResult> {
  const requests = opts.requests ?? [];
  const run = new LoadRun(url, opts, requests.length);
  const started = performance.now();
  const dueAt = (k: number) => started + (k * 1000) / rate;
  const idle: RawSocket[] = [];
  let next = 0;
  let maxLag = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve) => {
    const due = () =>
      Math.min(requests.length, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    const take = (): Buffer => {
      maxLag = Math.max(maxLag, performance.now() - dueAt(next));
      return requests[next++]!;
    };
    const finished = () => next === requests.length && run.open === 0 && timer === undefined;
    const afterReply = (s: RawSocket): Buffer | undefined => {
      if (next < due()) return take();
      if (next === requests.length) s.end();
      else idle.push(s);
      return undefined;
    };
    const gone = () => {
      if (finished()) resolve(result(run, next, started, maxLag));
      else if (timer === undefined) tick(); // a due request may wait for this socket's place
    };
    const tick = () => {
      timer = undefined;
      const dueNow = due();
      while (next < dueNow && idle.length) idle.pop()!.send(take());
      while (next < dueNow && run.open < opts.connections) new RawSocket(run, take(), afterReply, gone);
      // Due requests still waiting go out as sockets come free (afterReply, gone); the timer waits
      // for the next request to fall due.
      if (dueNow < requests.length) {
        timer = setTimeout(tick, Math.max(0, dueAt(dueNow) - performance.now()));
      } else if (next === requests.length) {
        for (const s of idle.splice(0)) s.end();
        if (run.open === 0) resolve(result(run, next, started, maxLag));
      }
    };
    tick();
  });
}

export async function rawHttpLoad(opts: RawLoadOptions): Promise<RawLoadResult> {
  const url = new URL(opts.baseUrl);
  if (opts.ratePerSecond === undefined) return closedLoop(opts, url);
  if (opts.repeat || !(opts.ratePerSecond > 0)) throw new Error('an open loop needs requests and a rate');
  return openLoop(opts, url, opts.ratePerSecond);
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

/**
 * A closed-loop run of `seconds` over `request` (one, several in turn, or made per request), as
 * figures; a slow answer counts in the latency figures rather than vanishing as a timeout.
 */
export async function loadFor(
  baseUrl: string,
  connections: number,
  request: Buffer | readonly Buffer[] | ((k: number) => Buffer),
  seconds: number,
) {
  return loadFigures(
    await rawHttpLoad({
      baseUrl,
      connections,
      timeoutMs: 60_000,
      repeat: { request, durationMs: seconds * 1000 },
    }),
  );
}

/** Nearest-rank percentile of sorted latencies (ms, three decimals). */
export function sortedPercentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 1000) / 1000;
}
