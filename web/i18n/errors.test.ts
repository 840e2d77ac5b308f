// Every problem the hub can answer with has a message people can read in each of the apps' five
// languages, and the apps show that message (or the more precise one for its reason) with the
// fields it names, never the raw code. A code added to ERROR_CATALOG without messages fails here,
// naming the code and the language. (Lives in web/ so the apps' type check covers it.)
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../src/kernel/errors.ts';
import { ApiError } from '../ui/api.ts';
import { readableProblem } from '../ui/problem.tsx';
import { ERROR_MESSAGES } from './errors.ts';
import { FIELD_NAMES, fieldLabel } from './field-names.ts';
import { LANGUAGES } from './index.tsx';

describe('error messages', () => {
  it('has a message for every code of ERROR_CATALOG in every language', () => {
    const missing: string[] = [];
    for (const code of Object.keys(ERROR_CATALOG)) {
      for (const lang of LANGUAGES) {
        const text = ERROR_MESSAGES[lang].codes[code];
        if (!text?.trim())
          missing.push(`error code "${code}" has no message in ${lang} (web/i18n/errors-${lang}.ts)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the same reasons and field issues in every language, none left in English', () => {
    const problems: string[] = [];
    for (const part of ['codes', 'reasons', 'issues'] as const) {
      const keys = Object.keys(ERROR_MESSAGES.en[part]).sort();
      for (const lang of LANGUAGES) {
        const mine = Object.keys(ERROR_MESSAGES[lang][part]).sort();
        for (const k of keys) if (!mine.includes(k)) problems.push(`${part}.${k} missing in ${lang}`);
        for (const k of mine) if (!keys.includes(k)) problems.push(`${part}.${k} in ${lang} but not in en`);
        if (lang === 'en') continue;
        for (const k of keys) {
          if (
            ERROR_MESSAGES[lang][part][k] === ERROR_MESSAGES.en[part][k] &&
            !/^\{/.test(ERROR_MESSAGES.en[part][k]!)
          )
            problems.push(`${part}.${k} in ${lang} is the English text`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('turns a validation problem into a sentence that names the field, in the page language', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      detail: 'The body is not valid',
      errors: [
        {
          path: 'body.address.country',
          message: 'ISO 3166-1 alpha-2 such as NL',
          code: 'invalid_format',
        } as never,
      ],
    });
    const nl = readableProblem('nl', error);
    expect(nl.message).toBe(ERROR_MESSAGES.nl.codes.validation_failed);
    expect(nl.fields).toEqual([
      {
        path: 'body.address.country',
        field: 'Land',
        problem: ERROR_MESSAGES.nl.issues.invalid_format,
      },
    ]);
    expect(JSON.stringify(nl)).not.toContain('The body is not valid');
    expect(nl.message).not.toContain('validation_failed');
  });

  it('names fields as people do, in every language, never by their request name', () => {
    const error = new ApiError(400, {
      code: 'validation_failed',
      errors: [
        { path: 'body.currentPassword', message: 'wrong', code: 'invalid' },
        { path: 'body.lines.2.quantity', message: 'negative', code: 'too_small' },
        { path: 'body.safetyBuffer', message: 'negative', code: 'too_small' },
      ] as never,
    });
    expect(readableProblem('bg', error).fields.map((f) => f.field)).toEqual([
      'Текуща парола',
      'Количество (ред 3)',
      FIELD_NAMES.bg.safetyBuffer,
    ]);
    expect(readableProblem('en', error).fields.map((f) => f.field)).toEqual([
      'Current password',
      'Quantity (line 3)',
      'Safety buffer',
    ]);
    // A field no catalog names is spelled out, not shown in camelCase.
    const unnamed = new ApiError(400, {
      code: 'validation_failed',
      errors: [{ path: 'body.graceSeconds', message: 'x', code: 'too_big' }] as never,
    });
    expect(readableProblem('nl', unnamed).fields[0]!.field).toBe('Grace seconds');
    const missing: string[] = [];
    for (const lang of LANGUAGES)
      for (const k of Object.keys(FIELD_NAMES.en))
        if (!FIELD_NAMES[lang][k]?.trim()) missing.push(`field name ${k} missing in ${lang}`);
    expect(missing).toEqual([]);
    // A text per language is named by its field and the language, not by the language's code.
    expect(fieldLabel('nl', 'body.alt.nl')).toBe('Alternatieve tekst (NL)');
    expect(fieldLabel('en', 'maxPerType.email')).toBe('Maximum per type (email)');
  });

  it('names every field the apps’ forms fill (field= and path= of their fields) in the catalog', () => {
    const sources = import.meta.glob<string>('../{admin,pos,store,ui}/**/*.tsx', {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(40);
    const unnamed = new Set<string>();
    for (const [file, text] of Object.entries(sources))
      for (const m of text.matchAll(/\b(?:field|path)=\{?["'`]([^"'`]+)["'`]/g)) {
        const last = m[1]!
          .split('.')
          .filter((p) => !/^(\d+|\$\{.*|body|query|params)$/.test(p) && !p.endsWith('}'))
          .pop();
        if (last && !FIELD_NAMES.en[last]) unnamed.add(`${last} (${file})`);
      }
    expect([...unnamed]).toEqual([]);
  });

  it('prefers the reason of a problem when there is a message for it; unknown codes still read well', () => {
    const parked = readableProblem(
      'bg',
      new ApiError(409, { code: 'conflict', reason: 'sale_in_progress' } as ConstructorParameters<
        typeof ApiError
      >[1]),
    );
    expect(parked.message).toBe(ERROR_MESSAGES.bg.codes.sale_in_progress);
    const unknown = readableProblem('es', new ApiError(418, { code: 'teapot_refused' }));
    expect(unknown.message).toBe(ERROR_MESSAGES.es.codes.unknown);
    expect(readableProblem('sv', new TypeError('Failed to fetch')).message).toBe(
      ERROR_MESSAGES.sv.codes.offline,
    );
  });
});
