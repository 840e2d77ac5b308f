// Identifier rules: normalization (emails lowercased, phones to E.164), blocked placeholder values,
// link priority and per-type limits. Pure functions, shared by ingestion and the service API.
import { createHash } from 'node:crypto';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldIssue } from '../../kernel/index.js';

export const CORE_IDENTIFIER_TYPES = ['user_id', 'email', 'phone', 'anonymous_id', 'loyalty_card'] as const;
/** External id types are free-form (shopify_customer, marketplace_buyer, messenger_psid, whatsapp_id…). */
export const IDENTIFIER_TYPE_SHAPE = /^[a-z][a-z0-9_]{1,40}$/;
export type Trust = 'verified' | 'claimed';

export interface IdentifierInput {
  type: string;
  value: string;
  trust?: Trust | undefined;
}

export interface Identifier {
  type: string;
  value: string;
  trust: Trust;
}

export interface IdentityRules {
  /** Values that never identify anyone (compared lowercased, after trimming). */
  blockedValues: string[];
  /** Email local parts and domains that are placeholders, not people. */
  blockedEmailLocalParts: string[];
  blockedEmailDomains: string[];
  /** At most this many identifiers of a type per merged profile; more goes to review. */
  maxPerType: Record<string, number>;
  /** Which identifier decides where an event lands when profiles cannot merge (first wins). */
  priority: string[];
  /**
   * Identifier types that name a device or browser, not a person (anonymous_id, a retailer's own
   * device ids): one that carries a second person is marked shared and links no one from then on.
   */
  deviceTypes: string[];
  /** Country assumed for phone numbers written without +country code. */
  defaultPhoneCountry: CountryCode | undefined;
}

export const DEFAULT_IDENTITY_RULES: IdentityRules = {
  blockedValues: [
    '',
    'null',
    'undefined',
    'none',
    'nil',
    'nan',
    'n/a',
    'na',
    'anonymous',
    'anon',
    'guest',
    'unknown',
    'test',
    '0',
    '-1',
    '1',
    '00000000-0000-0000-0000-000000000000',
    '[object object]',
  ],
  blockedEmailLocalParts: ['test', 'noreply', 'no-reply', 'donotreply', 'null', 'none', 'guest', 'anonymous'],
  blockedEmailDomains: ['example.invalid', 'test.com', 'test.test', 'mailinator.com', 'localhost'],
  maxPerType: { user_id: 1, email: 5, phone: 5, loyalty_card: 2 },
  priority: ['user_id', 'loyalty_card', 'email', 'phone', 'external', 'anonymous_id'],
  deviceTypes: ['anonymous_id'],
  defaultPhoneCountry: undefined,
};

/** The types with a per-profile limit: the ones that name a person (read at use: rules can change). */
export const limitedTypesOf = (rules: IdentityRules): string[] => Object.keys(rules.maxPerType);

export const priorityOf = (rules: IdentityRules, type: string): number => {
  const i = rules.priority.indexOf(type);
  if (i >= 0) return i;
  const ext = rules.priority.indexOf('external');
  return ext >= 0 ? ext : rules.priority.length;
};

export const identifierKey = (type: string, value: string): string => `${type}\u0000${value}`;

/**
 * Tombstones of erased or suppressed identifiers: SHA-256 keyed by the install's secret salt
 * (sha256(salt ‖ type:value)), so neither the value nor a dictionary of likely values (emails,
 * phones) can be checked against it. The salted state is computed once and copied per identifier:
 * as cheap as the unsalted hash on the ingest path (an HMAC costs about half as much again).
 */
export function tombstoneHasher(salt: string): (type: string, value: string) => string {
  const keyed = createHash('sha256').update(`omnihub-tombstone:${salt}:`);
  return (type, value) => keyed.copy().update(`${type}:${value}`).digest('hex');
}

/** How tombstones were hashed before installs had a salt (still checked while such rows exist). */
export const legacyTombstoneHash = (type: string, value: string): string =>
  createHash('sha256').update(`omnihub-erased:${type}:${value}`).digest('hex');

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type NormalizeOutcome =
  | { ok: true; identifier: Identifier }
  | { ok: false; blocked: true }
  | { ok: false; blocked: false; issue: FieldIssue };

/** Normalizes one identifier: blocked placeholders are dropped, wrong formats are issues. */
export function normalizeIdentifier(
  rules: IdentityRules,
  input: IdentifierInput,
  path: string,
  phoneCountry?: CountryCode,
): NormalizeOutcome {
  const type = input.type;
  if (!IDENTIFIER_TYPE_SHAPE.test(type)) {
    return { ok: false, blocked: false, issue: { path, message: `unknown identifier type ${type}` } };
  }
  const raw = String(input.value ?? '').trim();
  if (raw.length > 300)
    return { ok: false, blocked: false, issue: { path, message: 'longer than 300 characters' } };
  if (rules.blockedValues.includes(raw.toLowerCase())) return { ok: false, blocked: true };
  const trust: Trust = input.trust ?? 'claimed';
  switch (type) {
    case 'email': {
      const email = raw.toLowerCase();
      if (!EMAIL_SHAPE.test(email)) {
        return { ok: false, blocked: false, issue: { path, message: 'not an email address' } };
      }
      const at = email.lastIndexOf('@');
      const local = email.slice(0, at).split('+')[0]!;
      if (
        rules.blockedEmailLocalParts.includes(local) ||
        rules.blockedEmailDomains.includes(email.slice(at + 1))
      ) {
        return { ok: false, blocked: true };
      }
      return { ok: true, identifier: { type, value: email, trust } };
    }
    case 'phone': {
      const phone = parsePhoneNumberFromString(raw, phoneCountry ?? rules.defaultPhoneCountry);
      // Possible (a right length for its country), not valid: allocated ranges change faster than
      // the metadata, and a real +44 7911 6… mobile must not be refused.
      if (!phone?.isPossible()) {
        return {
          ok: false,
          blocked: false,
          issue: { path, message: 'not a valid phone number (write it with its +country code)' },
        };
      }
      return { ok: true, identifier: { type, value: phone.number, trust } };
    }
    default:
      return { ok: true, identifier: { type, value: raw, trust } };
  }
}

/** The country part of a locale such as nl-NL, for phone numbers without +country code. */
export function countryOfLocale(locale: unknown): CountryCode | undefined {
  if (typeof locale !== 'string') return undefined;
  const m = /^[a-z]{2,3}[-_]([A-Z]{2})$/i.exec(locale);
  return m ? (m[1]!.toUpperCase() as CountryCode) : undefined;
}
