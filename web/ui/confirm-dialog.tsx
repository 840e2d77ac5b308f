// A yes/no question in the app's own modal dialog, where a page once asked with window.confirm
// (unstyled, and a browser may stop showing it after a few). The page renders `dialog` once and
// awaits `ask(...)`: true when the confirming button was pressed, false on Cancel or Escape.
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { FormDialog } from './form-dialog.tsx';

export interface ConfirmQuestion {
  /** The question itself ("Delete the endpoint …?"); the dialog's title. */
  question: string;
  /** The confirming button's label: what it does ("Delete"). */
  confirm: string;
}

export function useConfirm(): { dialog: ReactNode; ask(q: ConfirmQuestion): Promise<boolean> } {
  const intl = useIntl();
  const [asking, setAsking] = useState<ConfirmQuestion | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const finish = useCallback((yes: boolean) => {
    const resolve = answer.current;
    answer.current = null;
    setAsking(null);
    resolve?.(yes);
  }, []);
  const ask = useCallback((q: ConfirmQuestion) => {
    answer.current?.(false); // a newer question replaces one left open
    setAsking(q);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);
  const dialog = asking ? (
    <FormDialog
      open
      title={asking.question}
      submit={asking.confirm}
      cancel={intl.t('common.cancel')}
      danger
      onSubmit={() => finish(true)}
      onClose={() => finish(false)}
    >
      {null}
    </FormDialog>
  ) : null;
  return { dialog, ask };
}
