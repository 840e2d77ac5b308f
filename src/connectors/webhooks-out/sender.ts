// Sends one signed delivery over HTTP with keep-alive connections and a hard timeout, and turns the
// receiver's answer into an outcome: 2xx delivered; 410 gone; 429/503 with Retry-After honoured.
import http from 'node:http';
import https from 'node:https';
import type { ClaimedDelivery, DeliveryOutcome } from '../../modules/integrations/index.js';
import { standardWebhookHeaders } from './signing.js';

export interface Sender {
  send(d: ClaimedDelivery, nowSeconds: number): Promise<DeliveryOutcome>;
  close(): void;
}

export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d{1,9}$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export function createSender(opts: { timeoutMs: number; maxSockets?: number; userAgent?: string }): Sender {
  const maxSockets = opts.maxSockets ?? 128;
  // As many idle sockets kept as may be open: fewer closed half of them after every wave of
  // deliveries, and the next wave paid a TCP connect (and the receiver an accept) per request.
  const agentOpts = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const agents = { http: new http.Agent(agentOpts), https: new https.Agent(agentOpts) };
  return {
    send(d, nowSeconds) {
      return new Promise<DeliveryOutcome>((resolve) => {
        let url: URL;
        try {
          url = new URL(d.url);
        } catch {
          resolve({ id: d.id, kind: 'failed', statusCode: null, error: 'invalid URL' });
          return;
        }
        const isHttps = url.protocol === 'https:';
        const body = Buffer.from(d.body);
        const req = (isHttps ? https : http).request(
          url,
          {
            method: 'POST',
            agent: isHttps ? agents.https : agents.http,
            timeout: opts.timeoutMs,
            headers: {
              'content-type': d.contentType,
              'content-length': String(body.length),
              'user-agent': opts.userAgent ?? 'Omnihub-Webhooks/1',
              ...standardWebhookHeaders(d.secrets, d.id, nowSeconds, d.body),
            },
          },
          (res) => {
            res.resume(); // the body is irrelevant; draining it keeps the connection reusable
            res.on('end', () => {
              const status = res.statusCode ?? 0;
              if (status >= 200 && status < 300) {
                resolve({ id: d.id, kind: 'delivered', statusCode: status });
                return;
              }
              const retryAfter =
                status === 429 || status === 503
                  ? parseRetryAfter(res.headers['retry-after'], Date.now())
                  : undefined;
              resolve({
                id: d.id,
                kind: 'failed',
                statusCode: status,
                error: `the receiver answered ${status}`,
                ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
                ...(status === 410 ? { gone: true } : {}),
              });
            });
            res.on('error', (err) =>
              resolve({ id: d.id, kind: 'failed', statusCode: null, error: err.message }),
            );
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
        req.on('error', (err) => resolve({ id: d.id, kind: 'failed', statusCode: null, error: err.message }));
        req.end(body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
