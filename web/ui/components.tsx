// Shared building blocks of the three apps: labelled fields, buttons, tables, notices, a live
// badge, a language picker and a small SVG bar chart. Plain elements, keyboard-usable, with labels.
import { type ReactNode, useContext, useEffect, useId, useState } from 'react';
import { ERROR_MESSAGES } from '../i18n/errors.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language, useIntl } from '../i18n/index.tsx';
import { FieldMarkedInvalid, useFieldProblem } from './problem.tsx';
import type { LiveStatus } from './stream.ts';

export function Field({
  label,
  hint,
  children,
  field,
}: {
  label: string;
  hint?: string;
  children: (id: string, invalid: boolean, describedBy: string | undefined) => ReactNode;
  /** The request path this field fills (e.g. body.email): a problem naming it is shown here. */
  field?: string | undefined;
}) {
  const id = useId();
  const intl = useIntl();
  const problem = useFieldProblem(field);
  const marked = useContext(FieldMarkedInvalid);
  return (
    <div className={problem || marked ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, !!problem || marked, problem ? `${id}-problem` : undefined)}
      {problem ? (
        <small className="field-error" id={`${id}-problem`}>
          {ERROR_MESSAGES[intl.lang].field.replace('{field}', label).replace('{problem}', problem.problem)}
        </small>
      ) : null}
      {hint ? <small className="hint">{hint}</small> : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  type = 'text',
  required,
  placeholder,
  autoFocus,
  name,
  field,
  readOnly,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  type?: string;
  required?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  name?: string;
  /** The request path it fills: highlighted when the hub's problem names it (inside a ProblemScope). */
  field?: string;
  readOnly?: boolean;
}) {
  return (
    <Field label={label} field={field} {...(hint ? { hint } : {})}>
      {(id, invalid, describedBy) => (
        <input
          id={id}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          type={type}
          value={value}
          required={required}
          readOnly={readOnly}
          placeholder={placeholder}
          // biome-ignore lint/a11y/noAutofocus: the first field of a login or search form
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  rows = 4,
  className,
  field,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  rows?: number;
  className?: string;
  /** The request path it fills: highlighted when the hub's problem names it (inside a ProblemScope). */
  field?: string;
}) {
  return (
    <Field label={label} field={field} {...(hint ? { hint } : {})}>
      {(id, invalid, describedBy) => (
        <textarea
          id={id}
          className={className}
          rows={rows}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  name,
  field,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(v: T): void;
  name?: string;
  /** The request path it fills: highlighted when the hub's problem names it (inside a ProblemScope). */
  field?: string;
}) {
  return (
    <Field label={label} field={field}>
      {(id, invalid, describedBy) => (
        <select
          id={id}
          name={name}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A group of checkboxes or radios filling one request field (e.g. body.locationIds): the group is
 * outlined and the problem named under it when the hub's problem points at it or one of its items.
 */
export function FieldsetField({
  legend,
  hint,
  field,
  children,
}: {
  legend: string;
  hint?: string;
  field: string;
  children: ReactNode;
}) {
  const id = useId();
  const intl = useIntl();
  const problem = useFieldProblem(field);
  return (
    <fieldset
      className={problem ? 'field-invalid' : undefined}
      aria-describedby={problem ? `${id}-problem` : undefined}
      data-invalid={problem ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {children}
      {problem ? (
        <small className="field-error" id={`${id}-problem`} role="alert">
          {ERROR_MESSAGES[intl.lang].field.replace('{field}', legend).replace('{problem}', problem.problem)}
        </small>
      ) : null}
    </fieldset>
  );
}

export function LanguagePicker() {
  const intl = useIntl();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{intl.t('common.language')}</span>
      <select value={intl.lang} onChange={(e) => intl.setLang(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A hub problem or any error, as a sentence in the page's language (see problem.tsx). */
export { ErrorNotice } from './problem.tsx';

/** Leaves the edit of an existing record (shown only while one is being edited). */
export function CancelEditButton({ editing, onCancel }: { editing: boolean; onCancel(): void }) {
  const intl = useIntl();
  if (!editing) return null;
  return (
    <button type="button" className="secondary" onClick={onCancel}>
      {intl.t('common.cancel')}
    </button>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

export function LiveBadge({ status }: { status: LiveStatus }) {
  const intl = useIntl();
  return (
    <span className={`live-badge live-${status}`} role="status" data-live={status}>
      <span aria-hidden="true" className="dot" />
      {intl.t(`live.${status}`)}
    </span>
  );
}

export function Pill({ children, tone = 'neutral' }: { children: ReactNode; tone?: string }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}

/** A bar chart as SVG with a text alternative (the values are also in a table for screen readers). */
export function BarChart({
  title,
  data,
  format = String,
}: {
  title: string;
  data: ReadonlyArray<{ label: string; value: number }>;
  format?: (n: number) => string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const barWidth = 100 / Math.max(1, data.length);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={title}>
        {data.map((d, i) => {
          const h = (d.value / max) * 36;
          return (
            <rect
              key={d.label}
              x={i * barWidth + barWidth * 0.15}
              y={38 - h}
              width={barWidth * 0.7}
              height={h}
            >
              <title>{`${d.label}: ${format(d.value)}`}</title>
            </rect>
          );
        })}
        <line x1="0" y1="38" x2="100" y2="38" className="axis" />
      </svg>
      <div className="chart-labels" aria-hidden="true">
        {data.map((d) => (
          <span key={d.label} style={{ width: `${barWidth}%` }}>
            {d.label}
          </span>
        ))}
      </div>
      <table className="visually-hidden">
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Loads data with `load`, again whenever `deps` change or `reload()` is called. */
export function useLoad<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers list what the load depends on
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

export function Loading() {
  const intl = useIntl();
  return (
    <p className="loading" aria-live="polite">
      {intl.t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const intl = useIntl();
  return <p className="empty">{children ?? intl.t('common.empty')}</p>;
}
