// Human-readable codes (cart handoff, pickup, store credit, sign-in): random from the operating
// system's CSPRNG, each character drawn without modulo bias, from an alphabet the reader can't misread.
import { randomBytes } from 'node:crypto';

/** No look-alikes (0/O, 1/I/L): read aloud at a till or typed from a receipt. */
export const UNAMBIGUOUS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const DIGITS = '0123456789';

/** A random code of `length` characters of `alphabet` (2 to 256 distinct characters). */
export function humanCode(opts: { length: number; alphabet?: string }): string {
  const alphabet = opts.alphabet ?? UNAMBIGUOUS_ALPHABET;
  const n = alphabet.length;
  if (n < 2 || n > 256) throw new Error('humanCode needs an alphabet of 2 to 256 characters');
  // Bytes at or above the largest multiple of n would favour the first characters: drawn again.
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < opts.length) {
    for (const b of randomBytes(opts.length - out.length + 8)) {
      if (b >= limit) continue;
      out += alphabet[b % n];
      if (out.length === opts.length) break;
    }
  }
  return out;
}
