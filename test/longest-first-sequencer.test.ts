import { describe, expect, it } from 'vitest';
import { spreadOut } from './helpers/longest-first-sequencer.js';

const isBrowser = (name: string) => name.startsWith('browser');

describe('the test files are spread out', () => {
  it('keeps browser suites three places apart, each moved later only as far as needed', () => {
    const order = [
      'browser-a',
      'browser-b',
      'x',
      'browser-c',
      'y',
      'z',
      'u',
      'v',
      'w',
      'q',
      'browser-d',
      'r',
    ];
    expect(spreadOut(order, isBrowser)).toEqual([
      'browser-a',
      'x',
      'y',
      'browser-b',
      'z',
      'u',
      'browser-c',
      'v',
      'w',
      'q',
      'browser-d',
      'r',
    ]);
  });

  it('puts what cannot be kept apart at the end, in its order, and loses no file', () => {
    const order = ['a', 'browser-1', 'browser-2', 'browser-3'];
    expect(spreadOut(order, isBrowser)).toEqual(['a', 'browser-1', 'browser-2', 'browser-3']);
    expect(spreadOut([], isBrowser)).toEqual([]);
  });
});
