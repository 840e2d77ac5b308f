// The global rate limits' counter: a fixed window from a client's first request, as the plugin's.
import { expect, it } from 'vitest';
import { FixedWindowCounter } from './window-counter.js';

it('allows max requests per window, then answers the time left until the window ends', () => {
  const c = new FixedWindowCounter(3, 60_000);
  for (let i = 0; i < 3; i++) expect(c.hit('203.0.113.7', 1_000 + i)).toBe(0);
  expect(c.hit('203.0.113.7', 11_000)).toBe(50_000);
  expect(c.hit('203.0.113.8', 11_000)).toBe(0); // another client has its own budget
  expect(c.hit('203.0.113.7', 61_000)).toBe(0); // a new window
});

it('stays within its bound, dropping expired windows first, then the oldest', () => {
  const c = new FixedWindowCounter(1, 1_000, 100);
  for (let i = 0; i < 100; i++) c.hit(`old${i}`, 0);
  c.hit('new', 5_000); // every old window has ended
  expect(c.size).toBe(1);
  for (let i = 0; i < 500; i++) c.hit(`c${i}`, 6_000);
  expect(c.size).toBeLessThanOrEqual(100);
  expect(c.hit('c499', 6_001)).toBeGreaterThan(0); // the newest are kept, over budget
});
