// Money is an integer amount of minor units with an ISO 4217 currency. Never floats.

export interface Money {
  amount: number;
  currency: string;
}

// Minor-unit exponents that differ from 2 (ISO 4217).
const EXPONENTS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  JOD: 3,
  OMR: 3,
  TND: 3,
};

export const currencyExponent = (currency: string): number => EXPONENTS[currency] ?? 2;

export const CURRENCY_SHAPE = /^[A-Z]{3}$/;

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  if (!CURRENCY_SHAPE.test(currency)) throw new RangeError(`currency must be ISO 4217, got ${currency}`);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export const addMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
};

export const subtractMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
};

export const multiplyMoney = (a: Money, quantity: number): Money => {
  if (!Number.isSafeInteger(quantity)) throw new RangeError('quantity must be an integer');
  return money(a.amount * quantity, a.currency);
};

/** Splits an amount into parts proportional to weights, distributing the remainder so parts sum exactly. */
export function allocateMoney(total: Money, weights: number[]): Money[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => money(0, total.currency));
  const raw = weights.map((w) => Math.floor((total.amount * w) / sum));
  let rest = total.amount - raw.reduce((s, v) => s + v, 0);
  for (let i = 0; rest > 0 && i < raw.length; i++, rest--) raw[i] = (raw[i] ?? 0) + 1;
  return raw.map((a) => money(a, total.currency));
}

export function formatMoney(m: Money, locale = 'en'): string {
  const exp = currencyExponent(m.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(
    m.amount / 10 ** exp,
  );
}
