// Handoff codes: short enough to read aloud at a till, without look-alike characters (0/O, 1/I/L).
import { humanCode, UNAMBIGUOUS_ALPHABET } from '../../kernel/index.js';

export const HANDOFF_CODE_LENGTH = 6;

export const newHandoffCode = (): string =>
  humanCode({ length: HANDOFF_CODE_LENGTH, alphabet: UNAMBIGUOUS_ALPHABET });

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
