import { describe, expect, it } from 'vitest';
import { hasPrefix, newId } from './ids.js';

describe('newId', () => {
  it('is the prefix and a UUIDv7 in 32 hex digits, unique and in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => newId('evt'));
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^evt_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
      expect(hasPrefix(id, 'evt')).toBe(true);
    }
    // More ids than one refill of the random buffer: still distinct and sorted as made.
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const ms = Number.parseInt(ids[0]!.slice(4, 16), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });
});
