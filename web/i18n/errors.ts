// Readable messages for every problem+json the hub answers with, in the apps' five languages: one per
// error code (kernel/errors.ts ERROR_CATALOG, checked by web/i18n/errors.test.ts), one per
// `reason` a problem names, and one per kind of field issue (the field itself is highlighted where the
// form shows it). The UI never shows a raw code. One file per language: errors-<language>.ts.

import { errorsBg } from './errors-bg.ts';
import { errorsEn } from './errors-en.ts';
import { errorsEs } from './errors-es.ts';
import { errorsNl } from './errors-nl.ts';
import { errorsSv } from './errors-sv.ts';
import type { Language } from './index.tsx';

export interface ErrorMessages {
  codes: Record<string, string>;
  /** Reasons a problem names that its code's message does not say; a reason that is also an error code reads as that code. */
  reasons: Record<string, string>;
  issues: Record<string, string>;
  /** "{field} {problem}" for the list of field issues. */
  field: string;
  reference: string;
}

export const ERROR_MESSAGES: Record<Language, ErrorMessages> = {
  en: errorsEn,
  es: errorsEs,
  sv: errorsSv,
  bg: errorsBg,
  nl: errorsNl,
};
