// The error table: every code is defined once with one status; throws and catches name codes from it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AppError, ERROR_CATALOG, type ErrorCode, isAppError, notFound } from './errors.js';

const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];

describe('error catalog', () => {
  it('gives every code one HTTP error status and a title, which every AppError of that code carries', () => {
    for (const code of codes) {
      const { status, title } = ERROR_CATALOG[code];
      expect(Number.isInteger(status) && status >= 400 && status < 600, code).toBe(true);
      expect(title.length, code).toBeGreaterThan(0);
      const err = new AppError(code, 'why it failed');
      expect([err.code, err.status, err.title, err.message]).toEqual([code, status, title, 'why it failed']);
    }
    expect(new AppError('cart_empty').message).toBe(ERROR_CATALOG.cart_empty.title);
  });

  it('has no catch-all codes that would hide the reason in details', () => {
    expect(codes).not.toContain('conflict');
    expect(codes).not.toContain('unprocessable');
  });

  it('does not compile a code outside the table, nor a status of its own', () => {
    // @ts-expect-error: 'no_such_code' is not an ErrorCode
    expect(() => new AppError('no_such_code')).toThrow(TypeError);
    // @ts-expect-error: the status comes from the catalog; another status is another code
    const overridden = new AppError('cart_changed', 'x', { status: 422 });
    expect(overridden.status).toBe(409);
  });
});

describe('isAppError', () => {
  it('matches an AppError, or only the codes named', () => {
    const changed: unknown = new AppError('cart_changed');
    expect(isAppError(changed)).toBe(true);
    expect(isAppError(changed, 'cart_changed')).toBe(true);
    expect(isAppError(changed, 'cart_not_active', 'cart_changed')).toBe(true);
    expect(isAppError(changed, 'not_found')).toBe(false);
    expect(isAppError(notFound('cart', 'crt_1'), 'not_found')).toBe(true);
    // A plain error carrying a code is not one of ours.
    expect(isAppError(Object.assign(new Error('x'), { code: 'cart_changed' }), 'cart_changed')).toBe(false);
    expect(isAppError(undefined)).toBe(false);
  });

  it('narrows the error and its code', () => {
    const err: unknown = new AppError('cart_not_active');
    if (!isAppError(err, 'cart_changed', 'cart_not_active')) throw new Error('expected an AppError');
    expectTypeOf(err).toEqualTypeOf<AppError<'cart_changed' | 'cart_not_active'>>();
    expectTypeOf(err.code).toEqualTypeOf<'cart_changed' | 'cart_not_active'>();
    expect(err.code).toBe('cart_not_active');
    const any: unknown = err;
    if (isAppError(any)) expectTypeOf(any.code).toEqualTypeOf<ErrorCode>();
  });
});
