// Every HTTP call the hub makes to a URL its users gave it: through keep-alive agents whose sockets
// connect via the SSRF guard's lookup (the checked address, at every connect), with a deadline on the
// whole exchange (a slow drip cannot hold a sender) and at most `maxResponseBytes` of the answer read,
// as it streams in; the rest is never read into memory.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { TargetGuard } from './ssrf-guard.js';

export interface OutboundRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** At most maxResponseBytes of the answer. */
  body: Buffer;
  /** The answer was longer than maxResponseBytes; the connection was closed. */
  truncated: boolean;
}

export interface OutboundClient {
  /** Rejects with an Error whose message says why (refused target, timeout, network). */
  request(req: OutboundRequest): Promise<OutboundResponse>;
  readonly maxResponseBytes: number;
  close(): void;
}

/** Default cap on a remote answer read into memory (OMNIHUB_OUTBOUND_MAX_RESPONSE_BYTES). */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

export function createOutboundClient(opts: {
  guard: TargetGuard;
  maxResponseBytes?: number;
  maxSockets?: number;
}): OutboundClient {
  const maxSockets = opts.maxSockets ?? 128;
  const maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // As many idle sockets kept as may be open: fewer closed half of them after every wave of
  // deliveries, and the next wave paid a TCP connect (and the receiver an accept) per request.
  const agentOpts = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, lookup: opts.guard.lookup };
  const agents = { http: new http.Agent(agentOpts), https: new https.Agent(agentOpts) };

  function request(req: OutboundRequest): Promise<OutboundResponse> {
    return new Promise<OutboundResponse>((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return reject(new Error('the target is not allowed: not a URL'));
      }
      const refused = opts.guard.refusal(url);
      if (refused) return reject(new Error(`the target is not allowed: ${refused}`));
      const isHttps = url.protocol === 'https:';
      const body = req.body === undefined ? undefined : Buffer.from(req.body);
      const outgoing = (isHttps ? https : http).request(url, {
        method: req.method,
        agent: isHttps ? agents.https : agents.http,
        headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      });
      const deadline = setTimeout(
        () => outgoing.destroy(new Error(`no answer within ${req.timeoutMs} ms`)),
        req.timeoutMs,
      );
      const fail = (err: Error) => {
        clearTimeout(deadline);
        reject(err);
      };
      outgoing.on('error', fail);
      outgoing.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (truncated: boolean) => {
          clearTimeout(deadline);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            truncated,
          });
        };
        res.on('data', (chunk: Buffer) => {
          const room = maxResponseBytes - size;
          if (chunk.length > room) {
            if (room > 0) chunks.push(chunk.subarray(0, room));
            size = maxResponseBytes;
            res.removeAllListeners('end');
            res.destroy(); // the socket goes: the rest of the answer is never read
            done(true);
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => done(false));
        res.on('error', fail);
      });
      outgoing.end(body);
    });
  }

  return {
    request,
    maxResponseBytes,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
