// Prefixed ids on UUIDv7: sortable by creation time, globally unique, and self-describing in logs.
import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

export const ID_PREFIXES = [
  'evt',
  'key',
  'chn',
  'loc',
  'prod',
  'var',
  'pl',
  'res',
  'adj',
  'imp',
  'cus',
  'idn',
  'mrg',
  'crt',
  'ord',
  'pay',
  'ful',
  'ret',
  'req',
  'whk',
  'con',
  'sic',
  'shs',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number] | (string & {});

// The library's default generator refills 8 random words at a time through WebCrypto, which cost
// more than the rest of an id (an ingested event takes several ids: ~4% of the hub's CPU). One
// generator on a 4 KiB buffer refilled with randomFillSync; same ordering (monotonic counter).
const randomWords = new Uint32Array(1024);
let nextWord = randomWords.length;
const generator = new V7Generator({
  nextUint32() {
    if (nextWord === randomWords.length) {
      randomFillSync(randomWords);
      nextWord = 0;
    }
    return randomWords[nextWord++]!;
  },
});

export function newId(prefix: IdPrefix): string {
  // toHex: the 32 hex digits without dashes, instead of formatting them and taking them out again.
  return `${prefix}_${generator.generate().toHex()}`;
}

const ID_SHAPE = /^([a-z]{2,6})_([0-9a-f]{32})$/;

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  const m = ID_SHAPE.exec(id);
  return m !== null && m[1] === prefix;
}
