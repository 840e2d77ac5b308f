import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL } from '../bench/run-all.js';

// `npm run bench -- all` must run every scenario: a new scenario file that is not listed would
// silently fall out of the set the 15-minute figure is about.
describe('npm run bench -- all', () => {
  it('lists every scenario of bench/scenarios exactly once', () => {
    const files = readdirSync(join(import.meta.dirname, '..', 'bench', 'scenarios'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    const listed = ALL.map((s) => s.scenario);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(files);
  });
});
