// The countries the storefront delivers to, with each one's postal code shape, so an address is
// checked before it is sent (the hub checks the same shapes). Names come from Intl in the page's
// language.
export interface Country {
  code: string;
  postal: RegExp;
  example: string;
}

export const COUNTRIES: Country[] = [
  { code: 'NL', postal: /^[1-9]\d{3} ?[A-Z]{2}$/i, example: '1012 AB' },
  { code: 'BE', postal: /^[1-9]\d{3}$/, example: '1000' },
  { code: 'DE', postal: /^\d{5}$/, example: '10115' },
  { code: 'FR', postal: /^\d{5}$/, example: '75001' },
  { code: 'ES', postal: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28001' },
  { code: 'SE', postal: /^[1-9]\d{2} ?\d{2}$/, example: '111 22' },
  { code: 'DK', postal: /^\d{4}$/, example: '1050' },
  { code: 'FI', postal: /^\d{5}$/, example: '00100' },
  { code: 'NO', postal: /^\d{4}$/, example: '0150' },
  { code: 'BG', postal: /^\d{4}$/, example: '1000' },
  { code: 'AT', postal: /^\d{4}$/, example: '1010' },
  { code: 'GB', postal: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: 'SW1A 1AA' },
];

export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The postal code problem of an address in `country`, or null when it fits. */
export function postalProblem(country: string, postalCode: string): Country | null {
  const c = COUNTRIES.find((x) => x.code === country);
  return c && !c.postal.test(postalCode.trim()) ? c : null;
}
