// The unsubscribe page's language: the browser's first language the page speaks, by q-value.
import { describe, expect, it } from 'vitest';
import { UNSUBSCRIBE_LANGUAGES, UNSUBSCRIBE_TEXTS, unsubscribeLanguage } from './unsubscribe-texts.js';

describe('unsubscribe page language', () => {
  it('takes the highest-ranked language it speaks, else English', () => {
    expect(unsubscribeLanguage('sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(unsubscribeLanguage('de-DE, nl;q=0.7, es;q=0.9')).toBe('es');
    expect(unsubscribeLanguage('fr, de')).toBe('en');
    expect(unsubscribeLanguage('bg;q=0, nl')).toBe('nl');
    expect(unsubscribeLanguage(undefined)).toBe('en');
    expect(unsubscribeLanguage(`${'x,'.repeat(10_000)}nl`)).toBe('en'); // a huge header is cut short
  });

  it('has every text in every language', () => {
    for (const lang of UNSUBSCRIBE_LANGUAGES)
      for (const text of Object.values(UNSUBSCRIBE_TEXTS[lang])) expect(text.length).toBeGreaterThan(0);
  });
});
