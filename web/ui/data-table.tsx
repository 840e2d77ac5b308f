// Shared building blocks of the console's list pages: a table from column definitions, the
// loading/empty/error states around a loaded list, a form panel with its submit button, and the
// error/success notices of an action (one try/catch for every button and form).
import { type FormEvent, type HTMLAttributes, type ReactNode, useState } from 'react';
import { Empty, ErrorNotice, Loading, Notice } from './components.tsx';

export interface Column<T> {
  header: ReactNode;
  /** Right-aligned numbers. */
  num?: boolean;
  cell(row: T): ReactNode;
  /** Attributes of the cell, e.g. a data-testid. */
  cellProps?: HTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string>;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: ReadonlyArray<Column<T>>;
  rowKey(row: T): string;
  rowProps?(row: T): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  caption?: string;
  /** Announces added rows to screen readers (live feeds). */
  live?: boolean;
}

export function DataTable<T>({ rows, columns, rowKey, rowProps, caption, live }: DataTableProps<T>) {
  return (
    <div className="table-wrap panel">
      <table {...(live ? { 'aria-live': 'polite' as const, 'aria-relevant': 'additions' as const } : {})}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are a fixed list
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are a fixed list
                <td key={i} className={c.num ? 'num' : undefined} {...c.cellProps}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A loaded list: a spinner the first time, "nothing here" when empty, else the table. */
export function LoadedTable<T>({
  load,
  items,
  empty,
  ...table
}: {
  load: { loading: boolean; data?: unknown; error?: unknown };
  items: readonly T[] | undefined;
  empty?: ReactNode;
} & Omit<DataTableProps<T>, 'rows'>) {
  return (
    <>
      <ErrorNotice error={load.error} />
      {load.loading && !load.data ? <Loading /> : null}
      {items && items.length === 0 ? <Empty>{empty}</Empty> : null}
      {items && items.length > 0 ? <DataTable<T> rows={items} {...table} /> : null}
    </>
  );
}

/** A form in a panel: a label for assistive technology, the fields, and one submit button. */
export function FormPanel({
  label,
  submit,
  onSubmit,
  layout = 'row',
  title,
  disabled,
  children,
}: {
  label: string;
  submit: string;
  onSubmit(): void;
  layout?: 'row' | 'stack';
  /** A visible heading inside the panel. */
  title?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  const submitForm = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className={`panel ${layout}`} onSubmit={submitForm} aria-label={label}>
      {title ? <h2>{title}</h2> : null}
      {children}
      <button type="submit" disabled={disabled}>
        {submit}
      </button>
    </form>
  );
}

/** Runs a page's actions: clears the last outcome, shows the error or the success message. */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const run = async <R,>(action: () => Promise<R>, success?: ReactNode | ((result: R) => ReactNode)) => {
    setError(null);
    setNotice(null);
    try {
      const result = await action();
      if (success !== undefined) setNotice(typeof success === 'function' ? success(result) : success);
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const notices = (
    <>
      <ErrorNotice error={error} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
    </>
  );
  return { run, notices, error };
}
