// Field errors of the admin's forms: the problem+json `errors` of a refused request, each shown in
// the page's language next to the field it names (path `body.amount` → the amount field).
import type { ReactNode } from 'react';
import { type MessageKey, useIntl } from '../i18n/index.tsx';
import { ApiError } from '../ui/api.ts';

interface Issue {
  path: string;
  message: string;
  code?: string;
}

const issuesOf = (error: unknown): Issue[] =>
  error instanceof ApiError ? ((error.problem.errors ?? []) as Issue[]) : [];

/** The issue about `path` (written without the `body.` prefix), if the error names it. */
export function issueAt(error: unknown, path: string): Issue | undefined {
  return issuesOf(error).find((i) => i.path === `body.${path}` || i.path === path);
}

const KEY_BY_CODE: Record<string, MessageKey> = {
  unknown_sku: 'form.unknownSku',
  refund_exceeds_payments: 'form.refundTooMuch',
  too_small: 'form.tooSmall',
  too_big: 'form.tooBig',
  invalid_format: 'form.badFormat',
  invalid_type: 'form.badType',
  duplicate_sku: 'form.duplicateSku',
};

/** The message under a field the last request refused; nothing when it is fine. */
export function FieldError({ error, path }: { error: unknown; path: string }) {
  const intl = useIntl();
  const issue = issueAt(error, path);
  if (!issue) return null;
  return (
    <small className="field-error" role="alert" data-field-error={path}>
      {intl.t(KEY_BY_CODE[issue.code ?? ''] ?? 'form.invalid')}
    </small>
  );
}

/** A field with its error below it, marked invalid for assistive technology and the eye. */
export function WithFieldError({
  error,
  path,
  children,
}: {
  error: unknown;
  path: string;
  children: ReactNode;
}) {
  const invalid = issueAt(error, path) !== undefined;
  return (
    <div className={invalid ? 'field-group invalid' : 'field-group'} data-invalid={invalid || undefined}>
      {children}
      <FieldError error={error} path={path} />
    </div>
  );
}

/** "12,50" or "12.50" in a currency → minor units; NaN when it is no amount. */
export function toMinor(text: string, currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? Number.NaN : Math.round(n * 10 ** digits);
}

/** Minor units → the text a price field shows ("12.50"). */
export function fromMinor(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * The same refusal with its field paths moved into the form's own path space (a variant's own
 * request names `body.gtin`; the form shows it at `variants.2.gtin`).
 */
export function withFieldPaths(error: unknown, map: (path: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = issuesOf(error).map((i) => ({ ...i, path: map(i.path.replace(/^body\./, '')) }));
  return new ApiError(error.status, { ...error.problem, errors });
}
