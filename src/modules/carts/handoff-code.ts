// Handoff codes: short enough to read aloud at a till, without look-alike characters (0/O, 1/I/L).
import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const HANDOFF_CODE_LENGTH = 6;

export function newHandoffCode(): string {
  return [...randomBytes(HANDOFF_CODE_LENGTH)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export const normalizeHandoffCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/** What a QR code on the customer's screen encodes; a till scanning it opens the cart. */
export const qrPayload = (code: string): string => `omnihub:cart:${code}`;

/** Accepts a typed code or a scanned QR payload. */
export function parseHandoff(input: string): string {
  const trimmed = input.trim();
  return normalizeHandoffCode(
    trimmed.startsWith('omnihub:cart:') ? trimmed.slice('omnihub:cart:'.length) : trimmed,
  );
}
