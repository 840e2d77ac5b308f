// Request rate limits (@fastify/rate-limit, in-process counters): every request counts against its
// client IP, and a request presenting an API key also against that key (counted by the key's hash,
// before it is verified, so a flood of guessed keys costs the IP its budget). A route may declare a
// stricter limit of its own in `config.rateLimit` (e.g. handoff-code look-ups, shopper sign-in:
// small budgets per IP against guessing). Over a limit: 429 problem+json `rate_limited` with
// Retry-After. Counters are per process: with N nodes behind a balancer a client gets up to N times.
// The global budgets run on every request, so they are plain fixed-window counters here (no promise,
// no store callback); the plugin keeps the routes' own budgets. Every budget counts a client by
// `clientAddressKey`: an IPv6 client by its /64, since one host is handed a whole /64 and could
// otherwise take a fresh address, and a fresh budget, per request.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../kernel/index.js';
import { secretHash } from '../auth/api-keys.js';
import { FixedWindowCounter } from './window-counter.js';

export interface RateLimitConfig {
  /** Requests per window per client IP; 0 = no per-IP limit (OMNIHUB_RATE_LIMIT_PER_IP). */
  perIp: number;
  /** Requests per window per API key; 0 = no per-key limit (OMNIHUB_RATE_LIMIT_PER_KEY). */
  perKey: number;
  /** The window of both, in seconds (OMNIHUB_RATE_LIMIT_WINDOW_SECONDS). */
  windowSeconds: number;
}

const tooMany = (retryAfterSeconds: number, limit: number, per: string) =>
  new AppError('rate_limited', `More than ${limit} requests ${per}; retry in ${retryAfterSeconds} s`, {
    details: { retryAfterSeconds, limit },
  });

function presentedKey(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  const x = request.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() || undefined : undefined;
}

/** 429 rate_limited with Retry-After: the seconds until the counter's window ends. */
function refusal(reply: FastifyReply, ttlMs: number, limit: number, per: string): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  reply.header('retry-after', String(seconds));
  return tooMany(seconds, limit, per);
}

function refuse(reply: FastifyReply, ttlMs: number, limit: number, per: string): never {
  throw refusal(reply, ttlMs, limit, per);
}

/**
 * The client a per-address budget counts: an IPv4 address as it is (also when it arrives IPv4-mapped,
 * `::ffff:203.0.113.7`), an IPv6 address by its /64 network (`2001:db8:1:2::/64`).
 */
export function clientAddressKey(ip: string): string {
  // Every request is counted: the common forms need no parse.
  if (!ip.includes(':')) return ip;
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const parts = v6.parts.slice(0, 4);
  return `${ipaddr.IPv6.parse(`${parts.map((p) => p.toString(16)).join(':')}::`).toString()}/64`;
}

/** Counters are keyed by the key's hash: the limiter's table never holds a secret. */
const keyCounter = (request: FastifyRequest) => `key:${secretHash(presentedKey(request) ?? '')}`;

export async function registerRateLimits(app: FastifyInstance, config: RateLimitConfig): Promise<void> {
  const timeWindow = config.windowSeconds * 1000;
  await app.register(rateLimit, {
    global: false, // the hook below applies the global limits; routes add their own `config.rateLimit`
    timeWindow,
    errorResponseBuilder: (_request, ctx) =>
      tooMany(Math.max(1, Math.ceil(ctx.ttl / 1000)), ctx.max, `per ${ctx.after} on this route`),
  });
  const perIp = config.perIp > 0 ? new FixedWindowCounter(config.perIp, timeWindow) : undefined;
  const perKey = config.perKey > 0 ? new FixedWindowCounter(config.perKey, timeWindow) : undefined;
  if (!perIp && !perKey) return;

  // Callback style: a client's or a key's count is a map look-up, with nothing to wait for.
  app.addHook('onRequest', (request, reply, done) => {
    if (perIp) {
      const ttl = perIp.hit(clientAddressKey(request.ip), Date.now());
      if (ttl > 0) return done(refusal(reply, ttl, perIp.max, 'per client address'));
    }
    const key = perKey && presentedKey(request);
    if (perKey && key) {
      const ttl = perKey.hit(secretHash(key), Date.now());
      if (ttl > 0) return done(refusal(reply, ttl, perKey.max, 'per API key'));
    }
    done();
  });
}

/**
 * A route's own stricter limit (`config: { rateLimit: routeRateLimit(30, 60) }`): `max` requests per
 * `windowSeconds` per API key (per client IP for requests without one), apart from the global budget.
 */
export function routeRateLimit(max: number, windowSeconds: number) {
  return {
    max,
    timeWindow: windowSeconds * 1000,
    keyGenerator: (request: FastifyRequest) =>
      presentedKey(request) ? keyCounter(request) : `ip:${clientAddressKey(request.ip)}`,
  };
}

/**
 * A route's budget counted by what a request names rather than by its caller alone (an address with
 * the link token it presents, a product being reviewed), where one `config.rateLimit` per route is
 * not enough or the key is known only in the handler (once a token is proven). In-process fixed
 * windows, as the global budgets. Keys are held as given: pass credentials through `secretHash`.
 */
export class RequestBudget {
  private readonly counter: FixedWindowCounter;

  constructor(
    readonly max: number,
    windowSeconds: number,
    /** How the refusal names the budget: "per address and review link". */
    private readonly per: string,
  ) {
    this.counter = new FixedWindowCounter(max, windowSeconds * 1000);
  }

  /** Counts one request for `key`; over the budget: 429 rate_limited with Retry-After. */
  take(reply: FastifyReply, key: string): void {
    const ttl = this.counter.hit(key, Date.now());
    if (ttl > 0) refuse(reply, ttl, this.max, this.per);
  }
}
