// A staff member changes their own password: the current one, the new one twice. The hub ends their
// other sessions; this one stays. Refused fields (a wrong current password, a too short new one) are
// highlighted with the hub's reason in the page's language.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { TextField } from '../../ui/components.tsx';
import { FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

export function MyPasswordPage() {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const change = () =>
    action.run(async () => {
      if (form.next !== form.repeat) throw new Error(intl.t('password.mismatch'));
      await ok(
        api.POST('/api/staff/me/password', {
          body: { currentPassword: form.current, newPassword: form.next },
        }),
      );
      setForm({ current: '', next: '', repeat: '' });
    }, intl.t('password.changed'));
  return (
    <section aria-labelledby="password-title">
      <h1 id="password-title">{intl.t('password.title')}</h1>
      {action.notices}
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t('password.title')}
          submit={intl.t('password.submit')}
          onSubmit={change}
          layout="stack"
        >
          <TextField
            label={intl.t('password.current')}
            type="password"
            field="body.currentPassword"
            value={form.current}
            onChange={(current) => setForm({ ...form, current })}
            required
          />
          <TextField
            label={intl.t('password.new')}
            type="password"
            field="body.newPassword"
            value={form.next}
            onChange={(next) => setForm({ ...form, next })}
            hint={intl.t('staffPassword.hint')}
            required
          />
          <TextField
            label={intl.t('password.repeat')}
            type="password"
            value={form.repeat}
            onChange={(repeat) => setForm({ ...form, repeat })}
            required
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}
