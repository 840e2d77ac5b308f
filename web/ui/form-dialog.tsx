// A small form in a modal dialog of the app's own look, where a page once asked with window.prompt
// (which cannot be styled, translated beyond its text, validated or tested like the page). The
// native <dialog> shown with showModal keeps focus inside, makes the page behind inert and closes on
// Escape; its title names it for screen readers.
import { type ReactNode, useEffect, useId, useRef } from 'react';

export function FormDialog({
  open,
  title,
  submit,
  cancel,
  danger,
  disabled,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** The confirming button's label: what it does ("Reject review"). */
  submit: string;
  cancel: string;
  /** The action cannot be taken back lightly: the button looks like one. */
  danger?: boolean;
  disabled?: boolean;
  onSubmit(): void;
  /** Cancel, Escape, or the dialog closed after a submit. */
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="form-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {cancel}
          </button>
          <button type="submit" className={danger ? 'danger' : undefined} disabled={disabled}>
            {submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
