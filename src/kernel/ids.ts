// Prefixed ids on UUIDv7: sortable by creation time, globally unique, and self-describing in logs.
import { uuidv7 } from 'uuidv7';

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

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${uuidv7().replaceAll('-', '')}`;
}

const ID_SHAPE = /^([a-z]{2,6})_([0-9a-f]{32})$/;

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  const m = ID_SHAPE.exec(id);
  return m !== null && m[1] === prefix;
}
