import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushTo } from './collections.js';

describe('pushTo', () => {
  it('groups values by key in the order they came, as copying the list at every add did', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer())), (pairs) => {
        const grouped = new Map<string, number[]>();
        const copied = new Map<string, number[]>();
        for (const [key, value] of pairs) {
          pushTo(grouped, key, value);
          copied.set(key, [...(copied.get(key) ?? []), value]);
        }
        expect([...grouped]).toEqual([...copied]);
      }),
    );
  });
});
