// Cart tokens: a browser or app that makes a cart with a publishable key gets a random secret that
// proves the cart is its own; the cart keeps only its SHA-256 (random secrets need no slow hash).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CART_TOKEN_PREFIX = 'oct_';

export const cartTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newCartToken(): { token: string; hash: string } {
  const token = `${CART_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: cartTokenHash(token) };
}

/** Whether the presented token is the one whose hash the cart keeps (constant time). */
export function cartTokenMatches(presented: string | undefined, storedHash: string | null): boolean {
  if (!presented || !storedHash) return false;
  return timingSafeEqual(Buffer.from(cartTokenHash(presented), 'hex'), Buffer.from(storedHash, 'hex'));
}
