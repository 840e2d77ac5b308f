// Staff passwords: scrypt from node:crypto (memory-hard, in Node itself: no native add-on to build
// or keep up to date), with OWASP's parameters N=2^16, r=8, p=2 (64 MiB, ~0.1-0.3 s), run on libuv's
// thread pool so a hash never blocks the event loop. The parameters travel in the stored string,
// so stronger ones can come later without making old hashes unreadable.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** log2 of scrypt's N: 16 in production (OWASP); tests may lower it (OMNIHUB_STAFF_PASSWORD_COST). */
export const DEFAULT_PASSWORD_COST = 16;
const PARAMS = { r: 8, p: 2 } as const;
const KEY_LENGTH = 32;
/** Shorter passwords are refused; longer than this is refused too (hashing cost stays bounded). */
export const PASSWORD_LIMITS = { min: 10, max: 200 } as const;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$<salt b64url>$<hash b64url>` */
export async function hashPassword(password: string, cost = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** cost;
  const key = await derive(password, salt, { N, ...PARAMS });
  return ['scrypt', N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password matches the stored hash (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const dummies = new Map<number, Promise<string>>();
/**
 * Spends the time of one verification for an account that does not exist or has no password, so
 * the answer's timing does not tell which addresses are staff.
 */
export async function verifyAgainstNothing(password: string, cost = DEFAULT_PASSWORD_COST): Promise<false> {
  if (!dummies.has(cost)) dummies.set(cost, hashPassword(randomBytes(16).toString('hex'), cost));
  await verifyPassword(password, await dummies.get(cost)!);
  return false;
}
