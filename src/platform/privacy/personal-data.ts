// Personal data: the registry every owner of tables declares (which columns can hold a person's
// data and how erasure treats them), the subject of an erasure, and the redaction of JSON documents
// (payloads, raw bodies, metadata) that keeps their shape and their non-personal facts.

/** One column that can hold personal data, and what erasure does to it. */
export interface PersonalDataColumn {
  table: string;
  column: string;
  /** What erasure of a customer does to this column (docs and review, not code). */
  erasure: string;
}

/** A column whose name looks personal but holds none, with the reason (reviewed, not forgotten). */
export interface NotPersonalColumn {
  table: string;
  column: string;
  reason: string;
}

export interface PersonalDataRegistry {
  owner: string;
  personal: readonly PersonalDataColumn[];
  notPersonal?: readonly NotPersonalColumn[];
}

/**
 * Who is being erased: the profiles of the cluster, the strong values that identify them in other
 * tables (email, phone, device and source ids: matched as substrings of raw bodies and payloads),
 * and every other personal value found on their records (names, street lines, postal codes),
 * replaced wherever a matched document repeats them.
 */
export interface ErasureSubject {
  profileIds: string[];
  identifiers: string[];
  personalValues: string[];
}

export const ERASED = '[erased]';

/** Keys whose value is personal wherever they appear (compared lowercase without `_`, `-`, spaces). */
const PERSONAL_KEYS = new Set([
  'email',
  'emailaddress',
  'contactemail',
  'phone',
  'phonenumber',
  'mobile',
  'name',
  'firstname',
  'lastname',
  'fullname',
  'givenname',
  'familyname',
  'company',
  'address',
  'address1',
  'address2',
  'line1',
  'line2',
  'street',
  'streetaddress',
  'postalcode',
  'postcode',
  'zip',
  'zipcode',
  'shippingaddress',
  'billingaddress',
  'defaultaddress',
  'addresses',
  'billing',
  'shipping',
  'customer',
  'note',
  'notes',
  'customernote',
  'contact',
  'ip',
  'ipaddress',
  'browserip',
  'clientip',
  'useragent',
  'latitude',
  'longitude',
  'traits',
  'trackingnumber',
  'trackingurl',
]);

/** Numbers are kept under a personal key (a `shipping` amount is accounting) except coordinates. */
const PERSONAL_NUMBER_KEYS = new Set(['latitude', 'longitude', 'phone']);

const normalizeKey = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');

export const isPersonalKey = (key: string): boolean => PERSONAL_KEYS.has(normalizeKey(key));

/** Values shorter than this are not matched as substrings: a country code, or a short id that could
 * be part of another record's id, would match what is not the person's. */
export const MIN_MATCH_LENGTH = 6;

/** The values worth matching, lowercased and deduplicated, longest first. */
export function matchableValues(values: Iterable<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) {
    const s = v?.trim().toLowerCase();
    if (s && s.length >= MIN_MATCH_LENGTH) set.add(s);
  }
  return [...set].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the values (case-insensitive) in a string. */
export function redactText(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) {
    let at = out.toLowerCase().indexOf(v);
    while (at >= 0) {
      out = out.slice(0, at) + ERASED + out.slice(at + v.length);
      at = out.toLowerCase().indexOf(v, at + ERASED.length);
    }
  }
  return out;
}

/**
 * A copy of a JSON value without personal data: values under personal keys become null (numbers
 * stay, coordinates excepted) and strings containing one of `values` (from matchableValues) are
 * redacted. Ids, amounts, SKUs, statuses and times stay, so the document still says what happened.
 */
export function redactJson(value: unknown, values: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, values);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, values));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const personal = isPersonalKey(key);
    if (personal && v !== null && (typeof v !== 'number' || PERSONAL_NUMBER_KEYS.has(normalizeKey(key)))) {
      out[key] = null;
    } else {
      out[key] = redactJson(v, values);
    }
  }
  return out;
}

/** A JSON text redacted with redactJson; text that is not JSON is redacted as text. */
export function redactJsonText(text: string, values: readonly string[]): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redactText(text, values);
  }
  return JSON.stringify(redactJson(parsed, values));
}

/** Strings found under personal keys of a document (names, street lines…), to redact elsewhere. */
export function personalStringsIn(value: unknown, into: string[] = [], underPersonal = false): string[] {
  if (typeof value === 'string') {
    if (underPersonal) into.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) personalStringsIn(v, into, underPersonal);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      personalStringsIn(v, into, underPersonal || isPersonalKey(key));
    }
  }
  return into;
}
