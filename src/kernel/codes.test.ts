import { describe, expect, it } from 'vitest';
import { DIGITS, humanCode, UNAMBIGUOUS_ALPHABET } from './codes.js';

describe('humanCode', () => {
  it('makes codes of the length and alphabet asked for, without look-alikes by default', () => {
    for (let i = 0; i < 200; i++) {
      expect(humanCode({ length: 8 })).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      expect(humanCode({ length: 6, alphabet: DIGITS })).toMatch(/^\d{6}$/);
    }
    expect(UNAMBIGUOUS_ALPHABET).not.toMatch(/[01OIL]/);
    expect(() => humanCode({ length: 4, alphabet: 'A' })).toThrow();
  });

  it('draws every character equally often (no modulo bias toward the first ones)', () => {
    // 31 does not divide 256: `byte % 31` would give the first 8 characters 9/256 instead of 1/31
    // (+9 %). Over 310,000 draws each count is 10,000 ± 100, so 3 % is far outside chance.
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      for (const c of humanCode({ length: 31 })) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const first8 = [...UNAMBIGUOUS_ALPHABET.slice(0, 8)].reduce((s, c) => s + (counts.get(c) ?? 0), 0) / 8;
    const rest = [...UNAMBIGUOUS_ALPHABET.slice(8)].reduce((s, c) => s + (counts.get(c) ?? 0), 0) / 23;
    expect(counts.size).toBe(31);
    expect(Math.abs(first8 / 10_000 - 1)).toBeLessThan(0.03);
    expect(Math.abs(rest / 10_000 - 1)).toBeLessThan(0.03);
  });
});
