// Names of request fields as people read them, in the apps' five languages: the error summary box
// says "Current password: is not valid", not "currentPassword: …". Keyed by the field's last name in
// the request (body.address.postalCode → postalCode); a field not listed is spelled out from its
// name ("safetyBuffer" → "Safety buffer"). English is the reference; web/i18n/errors.test.ts checks
// that every language names the same fields. One file per language: field-names-<language>.ts.
import { fieldNamesBg } from './field-names-bg.ts';
import { fieldNamesEn } from './field-names-en.ts';
import { fieldNamesEs } from './field-names-es.ts';
import { fieldNamesNl } from './field-names-nl.ts';
import { fieldNamesSv } from './field-names-sv.ts';
import type { Language } from './index.tsx';

type Names = Record<string, string>;

export const FIELD_NAMES: Record<Language, Names> = {
  en: fieldNamesEn,
  nl: fieldNamesNl,
  es: fieldNamesEs,
  sv: fieldNamesSv,
  bg: fieldNamesBg,
};

/** "{field} (line {n})": a field inside the n-th element of a list. */
export const FIELD_IN_ROW: Record<Language, string> = {
  en: '{field} (line {n})',
  nl: '{field} (regel {n})',
  es: '{field} (línea {n})',
  sv: '{field} (rad {n})',
  bg: '{field} (ред {n})',
};

/** A language's code as a key of per-language texts (nl, pt-BR). */
const LANGUAGE_KEY = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Fields whose entries are keyed by names of the retailer's or a type's, not by field names. */
const KEYED_FIELDS = new Set(['maxPerType', 'metadata', 'traits']);

const spelledOut = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The name of the field a problem's path points at, in `lang`: body.lines.2.quantity →
 * "Quantity (line 3)", body.address.postalCode → "Postal code".
 */
export function fieldLabel(lang: Language, path: string): string {
  const parts = path
    .split('.')
    .filter(
      (p, i) => p !== '' && !(i === 0 && ['body', 'query', 'querystring', 'params', 'headers'].includes(p)),
    );
  const named = parts.filter((p) => !/^\d+$/.test(p));
  let last = named[named.length - 1];
  if (!last) return parts.map((p) => String(Number(p) + 1)).join(' ');
  // A text per language (body.alt.nl): the field's name with the language, not "Nl".
  // So is an entry of a field keyed by free names (body.maxPerType.email is no email field).
  let key = '';
  const before = named[named.length - 2];
  if (before && LANGUAGE_KEY.test(last) && last !== 'id' && !FIELD_NAMES.en[last]) key = last.toUpperCase();
  else if (before && KEYED_FIELDS.has(before)) key = last;
  if (key) last = before!;
  const name =
    (FIELD_NAMES[lang][last] ?? FIELD_NAMES.en[last] ?? spelledOut(last)) + (key ? ` (${key})` : '');
  const index = [...parts].reverse().find((p) => /^\d+$/.test(p));
  return index === undefined
    ? name
    : FIELD_IN_ROW[lang].replace('{field}', name).replace('{n}', String(Number(index) + 1));
}
