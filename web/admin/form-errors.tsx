// Field errors of the admin's forms: the problem+json `errors` of a refused request, each shown in
// the page's language next to the field it names (path `body.amount` → the amount field).
import type { ReactNode } from 'react';
import { type MessageKey, useIntl } from '../i18n/index.tsx';
import { ApiError } from '../ui/api.ts';
import { FieldMarkedInvalid } from '../ui/problem.tsx';

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

/** A field with its error below it, marked invalid (aria-invalid) for assistive technology and the eye. */
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
      <FieldMarkedInvalid.Provider value={invalid}>{children}</FieldMarkedInvalid.Provider>
      <FieldError error={error} path={path} />
    </div>
  );
}

// Price fields convert in the currency's exponent (web/ui/money.ts); kept here for the forms.
export { fromMinor, toMinor } from '../ui/money.ts';

/**
 * The same refusal with its field paths moved into the form's own path space (a variant's own
 * request names `body.gtin`; the form shows it at `variants.2.gtin`).
 */
export function withFieldPaths(error: unknown, map: (path: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = issuesOf(error).map((i) => ({ ...i, path: map(i.path.replace(/^body\./, '')) }));
  return new ApiError(error.status, { ...error.problem, errors });
}
