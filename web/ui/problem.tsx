// Problems people can read: a hub error (problem+json) becomes a message in the page's language
// from its code or, more precisely, its reason; field issues name the field and are highlighted on
// the form that sent it (ProblemScope + the `field` of TextField). Raw codes are never shown.
import { createContext, type ReactNode, useContext } from 'react';
import { ERROR_MESSAGES } from '../i18n/errors.ts';
import { useIntl } from '../i18n/index.tsx';
import { ApiError } from './api.ts';

export interface FieldProblem {
  /** Where in the request, e.g. body.address.country. */
  path: string;
  /** The field's last name, e.g. country (or lines 2 quantity). */
  field: string;
  problem: string;
}

export interface ReadableProblem {
  message: string;
  fields: FieldProblem[];
  /** The hub's code, for tests and support (not shown as text). */
  code: string | null;
  requestId: string | null;
}

const fieldName = (path: string) =>
  path
    .split('.')
    .filter((p, i) => !(i === 0 && ['body', 'query', 'params', 'headers'].includes(p)))
    .map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p))
    .join(' ');

/** The message for an error of any kind, in `lang`. */
export function readableProblem(lang: keyof typeof ERROR_MESSAGES, error: unknown): ReadableProblem {
  const m = ERROR_MESSAGES[lang];
  if (error instanceof ApiError) {
    const p = error.problem as ApiError['problem'] & { reason?: unknown; requestId?: unknown };
    const reason = typeof p.reason === 'string' ? (m.reasons[p.reason] ?? m.codes[p.reason]) : undefined;
    const fields = (p.errors ?? []).map((e) => {
      const code = (e as { code?: string }).code;
      return {
        path: e.path,
        field: fieldName(e.path),
        problem: (code && m.issues[code]) || m.issues.invalid!,
      };
    });
    return {
      message: reason ?? m.codes[error.code] ?? m.codes.unknown!,
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
  // A list field (body.types) also owns its elements' issues (body.types.2).
  return problem.fields.find(
    (f) => f.path === field || f.path.endsWith(`.${field}`) || f.path.startsWith(`${field}.`),
  );
}

export function ErrorNotice({ error }: { error: unknown }) {
  const intl = useIntl();
  const problem = useReadableProblem(error);
  if (!problem) return null;
  const m = ERROR_MESSAGES[intl.lang];
  return (
    <div className="notice notice-error" role="alert" data-code={problem.code ?? undefined}>
      <p>{problem.message}</p>
      {problem.fields.length ? (
        <ul className="field-problems">
          {problem.fields.map((f) => (
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
