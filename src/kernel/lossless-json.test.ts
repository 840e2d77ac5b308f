import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from './lossless-json.js';

describe('parseJsonLossless', () => {
  it('keeps integers beyond 2^53 exact, as strings, and parses the rest as JSON.parse does', () => {
    const text =
      '{"id":820982911946154508,"other":820982911946154509,"n":-9007199254740993,"safe":9007199254740991,' +
      '"price":"49.95","rate":0.21,"big":1.2345678901234567e30,"s":"id 820982911946154508 \\" x","a":[1,2]}';
    expect(parseJsonLossless(text)).toEqual({
      id: '820982911946154508',
      other: '820982911946154509',
      n: '-9007199254740993',
      safe: 9007199254740991,
      price: '49.95',
      rate: 0.21,
      big: 1.2345678901234567e30,
      s: 'id 820982911946154508 " x',
      a: [1, 2],
    });
    expect(JSON.parse('820982911946154508')).toBe(JSON.parse('820982911946154509')); // why
  });

  it('is JSON.parse for ordinary payloads, errors included', () => {
    expect(parseJsonLossless('{"id":1002,"x":[true,null]}')).toEqual({ id: 1002, x: [true, null] });
    expect(() => parseJsonLossless('{"id":12345678901234567890')).toThrow(SyntaxError);
  });
});
