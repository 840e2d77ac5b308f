// Problems people can read: a hub error (problem+json) becomes a message in the page's language
// from its code or, more precisely, its reason; field issues name the field and are highlighted on
// the form that sent it (ProblemScope + the `field` of TextField). Raw codes are never shown.
import { createContext, type ReactNode, useContext } from 'react';
import { ERROR_MESSAGES } from '../i18n/errors.ts';
import { fieldLabel } from '../i18n/field-names.ts';
import { useIntl } from '../i18n/index.tsx';
import { ApiError } from './api.ts';

export interface FieldProblem {
  /** Where in the request, e.g. body.address.country. */
  path: string;
  /** The field as people name it, in the page's language (e.g. "Quantity (line 2)"). */
  field: string;
  problem: string;
  /** Told by the problem's reason, not listed by the hub: the summary does not repeat it. */
  fromReason?: true;
}

/**
 * Refusals whose reason is about one field though the hub names none (a wrong pickup code, too
 * little cash): that field is highlighted with the reason's message.
 */
const REASON_FIELDS: Record<string, string> = {
  wrong_pickup_code: 'body.code',
  tendered_too_little: 'body.payments.0.tendered',
  tendered_is_cash_only: 'body.payments.0.tendered',
  sign_in_code_invalid: 'body.code',
  unknown_sku: 'sku',
};

export interface ReadableProblem {
  message: string;
  fields: FieldProblem[];
  /** The hub's code, for tests and support (not shown as text). */
  code: string | null;
  requestId: string | null;
}

/** The message for an error of any kind, in `lang`. */
export function readableProblem(lang: keyof typeof ERROR_MESSAGES, error: unknown): ReadableProblem {
  const m = ERROR_MESSAGES[lang];
  if (error instanceof ApiError) {
    const p = error.problem as ApiError['problem'] & { reason?: unknown; requestId?: unknown };
    const reason = typeof p.reason === 'string' ? (m.reasons[p.reason] ?? m.codes[p.reason]) : undefined;
    const fields: FieldProblem[] = (p.errors ?? []).map((e) => {
      const code = (e as { code?: string }).code;
      return {
        path: e.path,
        field: fieldLabel(lang, e.path),
        problem: (code && m.issues[code]) || m.issues.invalid!,
      };
    });
    const message = reason ?? m.codes[error.code] ?? m.codes.unknown!;
    const told = REASON_FIELDS[typeof p.reason === 'string' ? p.reason : error.code];
    if (told && fields.length === 0)
      fields.push({ path: told, field: fieldLabel(lang, told), problem: message, fromReason: true });
    return {
      message,
      fields,
      code: error.code,
      requestId: typeof p.requestId === 'string' ? p.requestId : null,
    };
  }
  // fetch() could not reach the hub.
  if (error instanceof TypeError)
    return { message: m.codes.offline!, fields: [], code: null, requestId: null };
  // The apps' own errors are already translated sentences.
  const message = error instanceof Error ? error.message : String(error);
  return { message, fields: [], code: null, requestId: null };
}

export function useReadableProblem(error: unknown): ReadableProblem | null {
  const intl = useIntl();
  return error ? readableProblem(intl.lang, error) : null;
}

const ProblemContext = createContext<ReadableProblem | null>(null);

/** Fields inside show the issues of `error` that name them (TextField's `field`). */
export function ProblemScope({ error, children }: { error: unknown; children: ReactNode }) {
  const problem = useReadableProblem(error);
  return <ProblemContext.Provider value={problem}>{children}</ProblemContext.Provider>;
}

/** The issue of the surrounding ProblemScope for a field (`country` matches body.address.country). */
export function useFieldProblem(field: string | undefined): FieldProblem | undefined {
  const problem = useContext(ProblemContext);
  if (!field || !problem) return undefined;
  const name = withinRequest(field);
  // A field given without its request part (`country`) also matches where it is nested
  // (body.address.country).
  const anywhere = name === field;
  // A list field (body.types) also owns its elements' issues (body.types.2).
  return problem.fields.find((f) => {
    const path = withinRequest(f.path);
    return path === name || path.startsWith(`${name}.`) || (anywhere && path.endsWith(`.${name}`));
  });
}

/** A path without the request part it is in: services name `priority.0`, the schema `body.priority.0`. */
const withinRequest = (path: string) => path.replace(/^(body|query|querystring|params)\./, '');

/**
 * Set by a wrapper that shows a field's problem itself (the admin's WithFieldError): the field
 * inside is still marked aria-invalid and outlined.
 */
export const FieldMarkedInvalid = createContext(false);

export function ErrorNotice({ error }: { error: unknown }) {
  const intl = useIntl();
  const problem = useReadableProblem(error);
  if (!problem) return null;
  const m = ERROR_MESSAGES[intl.lang];
  return (
    <div className="notice notice-error" role="alert" data-code={problem.code ?? undefined}>
      <p>{problem.message}</p>
      {problem.fields.some((f) => !f.fromReason) ? (
        <ul className="field-problems">
          {problem.fields
            .filter((f) => !f.fromReason)
            .map((f) => (
              <li key={f.path} data-path={f.path}>
                {m.field.replace('{field}', f.field).replace('{problem}', f.problem)}
              </li>
            ))}
        </ul>
      ) : null}
      {problem.code === 'internal' && problem.requestId ? (
        <small className="hint">{m.reference.replace('{id}', problem.requestId)}</small>
      ) : null}
    </div>
  );
}
