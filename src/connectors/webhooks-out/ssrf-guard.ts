// SSRF guard: the hub calls URLs its users give it, so it refuses targets on loopback, private,
// link-local (cloud metadata), carrier-grade NAT and every other special-purpose range, unless the
// operator allows them (OMNIHUB_WEBHOOKS_ALLOW_PRIVATE=1, for development and tests). A URL is checked
// when it is saved (a clear 400) and again at every send: the senders connect through `lookup`, which
// resolves the name, refuses a private answer and hands the socket the very address it checked (no
// second DNS answer between the check and the connect: DNS rebinding).
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../kernel/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits: that address decides. */
const EMBEDDED_V4_LAST_32 = [
  ipaddr.IPv6.parseCIDR('::/96'), // IPv4-compatible (deprecated)
  ipaddr.IPv6.parseCIDR('::ffff:0:0/96'), // IPv4-mapped
  ipaddr.IPv6.parseCIDR('::ffff:0:0:0/96'), // IPv4-translated (RFC 6145)
  ipaddr.IPv6.parseCIDR('64:ff9b::/96'), // NAT64 well-known prefix (RFC 6052)
];

/** Ranges ipaddr.js calls unicast that are still not the public Internet. */
const EXTRA_BLOCKED_V6 = [
  ipaddr.IPv6.parseCIDR('64:ff9b:1::/48'), // local-use NAT64 (RFC 8215)
  ipaddr.IPv6.parseCIDR('2001::/23'), // IETF protocol assignments (Teredo, ORCHID, benchmarking…)
];

function isPublicV4(a: IPv4): boolean {
  return a.range() === 'unicast';
}

function embeddedV4(a: IPv6): IPv4 | undefined {
  const bytes = a.toByteArray();
  if (EMBEDDED_V4_LAST_32.some((cidr) => a.match(cidr))) return ipaddr.fromByteArray(bytes.slice(12)) as IPv4;
  if (a.range() === '6to4') return ipaddr.fromByteArray(bytes.slice(2, 6)) as IPv4; // 2002:AABB:CCDD::
  return undefined;
}

/** True for any address that is not a public unicast address (and for anything not an address). */
export function isPrivateAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(host) || !isIP(host)) return true; // isIP refuses ipaddr's lenient forms (010.1)
  const parsed = ipaddr.parse(host);
  if (parsed.kind() === 'ipv4') return !isPublicV4(parsed as IPv4);
  const v6 = parsed as IPv6;
  const v4 = embeddedV4(v6);
  if (v4) return !isPublicV4(v4);
  if (v6.range() !== 'unicast') return true;
  if (!v6.match(ipaddr.IPv6.parseCIDR('2000::/3'))) return true; // only global unicast is allocated
  return EXTRA_BLOCKED_V6.some((cidr) => v6.match(cidr));
}

export interface TargetGuard {
  /** Refuses a target URL; `field` names the body field it came from (for the problem's issues). */
  check(url: string, field?: string): Promise<void>;
  /**
   * The DNS lookup for outbound sockets (http.Agent `lookup`): resolves, refuses a private answer,
   * and connects to the checked address. IP-literal hosts skip lookups, so senders also call
   * `refusal(url)` before each request.
   */
  lookup: LookupFunction;
  /** Why a URL's literal host may not be called (the URL is not parsed by DNS), or undefined. */
  refusal(url: string | URL): string | undefined;
}

const PRIVATE_REASON = 'the host resolves to a private or loopback address';

/** node:dns lookup's shape with `all: true`; tests pass their own resolver. */
export type Resolver = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (
    err: NodeJS.ErrnoException | null,
    addresses: Array<{ address: string; family: number }>,
  ) => void,
) => void;

export function createTargetGuard(opts: {
  allowPrivate: boolean;
  cacheMs?: number;
  resolver?: Resolver;
}): TargetGuard {
  const resolver: Resolver = opts.resolver ?? (dnsLookup as unknown as Resolver);
  const cache = createTtlCache<string, boolean>({ ttlMs: opts.cacheMs ?? 60_000, max: 10_000 });

  const refusal = (url: string | URL): string | undefined => {
    let u: URL;
    try {
      u = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return 'not a URL';
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'only http and https';
    if (u.username || u.password) return 'credentials in the URL are not allowed';
    if (opts.allowPrivate) return undefined;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isPrivateAddress(host)) return PRIVATE_REASON;
    return undefined;
  };

  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : undefined;
    resolver(hostname, { all: true, ...(family ? { family } : {}) }, (err, list) => {
      if (err) return callback(err, '', 0);
      if (!opts.allowPrivate && (list.length === 0 || list.some((a) => isPrivateAddress(a.address)))) {
        const refused = Object.assign(new Error(`${hostname}: ${PRIVATE_REASON}`), { code: 'EADDRBLOCKED' });
        return callback(refused, '', 0);
      }
      if (options.all) return (callback as (e: null, a: typeof list) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };

  return {
    refusal,
    lookup: guardedLookup,
    async check(url: string, field = 'url') {
      const refuse = (reason: string) =>
        new AppError('validation_failed', `The target URL (${field}) is not allowed: ${reason}`, {
          issues: [{ path: `body.${field}`, message: reason }],
          details: { url },
        });
      const why = refusal(url);
      if (why) throw refuse(why);
      if (opts.allowPrivate) return;
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
      if (isIP(host)) return;
      const hit = cache.get(host);
      if (hit !== undefined) {
        if (!hit) throw refuse(PRIVATE_REASON);
        return;
      }
      let addresses: string[];
      try {
        addresses = (await resolveAll(resolver, host)).map((a) => a.address);
      } catch {
        throw refuse('the host name does not resolve');
      }
      const ok = addresses.length > 0 && !addresses.some(isPrivateAddress);
      cache.set(host, ok);
      if (!ok) throw refuse(PRIVATE_REASON);
    },
  };
}

const resolveAll = (resolver: Resolver, host: string) =>
  new Promise<Array<{ address: string; family: number }>>((resolve, reject) =>
    resolver(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list))),
  );
