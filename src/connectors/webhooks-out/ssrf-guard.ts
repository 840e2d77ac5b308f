// SSRF guard: the hub calls URLs its users give it, so it refuses targets on loopback, private,
// link-local (cloud metadata), carrier-grade NAT and other non-public ranges, unless the operator
// allows them (OMNIHUB_WEBHOOKS_ALLOW_PRIVATE=1, for development and tests). Checked when an endpoint
// is saved and again before sending (DNS answers change), with a short cache.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../kernel/index.js';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) return blocked.check(address, 'ipv4');
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

export interface TargetGuard {
  /** Refuses a target URL; `field` names the body field it came from (for the problem's issues). */
  check(url: string, field?: string): Promise<void>;
}

export function createTargetGuard(opts: { allowPrivate: boolean; cacheMs?: number }): TargetGuard {
  const cache = new Map<string, { ok: boolean; until: number }>();
  const cacheMs = opts.cacheMs ?? 60_000;
  return {
    async check(url: string, field = 'url') {
      const refuse = (url: string, reason: string) =>
        new AppError('validation_failed', `The target URL (${field}) is not allowed: ${reason}`, {
          issues: [{ path: `body.${field}`, message: reason }],
          details: { url },
        });
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        throw refuse(url, 'not a URL');
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw refuse(url, 'only http and https');
      if (u.username || u.password) throw refuse(url, 'credentials in the URL are not allowed');
      if (opts.allowPrivate) return;
      const host = u.hostname.replace(/^\[|\]$/g, '');
      const hit = cache.get(host);
      if (hit && hit.until > Date.now()) {
        if (!hit.ok) throw refuse(url, 'the host resolves to a private or loopback address');
        return;
      }
      let addresses: string[];
      if (isIP(host)) addresses = [host];
      else {
        try {
          addresses = (await lookup(host, { all: true })).map((a) => a.address);
        } catch {
          throw refuse(url, 'the host name does not resolve');
        }
      }
      const ok = addresses.length > 0 && !addresses.some(isPrivateAddress);
      cache.set(host, { ok, until: Date.now() + cacheMs });
      if (!ok) throw refuse(url, 'the host resolves to a private or loopback address');
    },
  };
}
