// The shopper's own details on their account page: the name shops greet them with and an optional
// birthday (the birthday journey wishes them well on the day, where the retailer turned it on).
// Saved with PATCH /api/me/profile; a refused field is marked by the hub's problem.
import { type FormEvent, useEffect, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { ErrorNotice, Loading, TextField, useLoad } from '../ui/components.tsx';
import { useAction } from '../ui/data-table.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { ProblemScope } from '../ui/problem.tsx';

export function MyDetails({ customerId }: { customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const profile = useLoad(() => ok(api.GET('/api/me/profile')), [customerId]);
  const [name, setName] = useState('');
  const [birthday, setBirthday] = useState('');
  const [busy, setBusy] = useState(false);
  const { run, notices, error } = useAction();
  useEffect(() => {
    setName(profile.data?.name ?? '');
    setBirthday(profile.data?.birthday?.startsWith('--') ? '' : (profile.data?.birthday ?? ''));
  }, [profile.data]);
  if (profile.error) return <ErrorNotice error={profile.error} />;
  if (!profile.data) return <Loading />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await run(
      () =>
        ok(
          api.PATCH('/api/me/profile', {
            body: { name: name.trim() ? name : null, birthday: birthday || null },
          }),
        ),
      intl.t('storeDetails.saved'),
    );
    setBusy(false);
  };
  return (
    <ProblemScope error={error}>
      <form
        className="panel stack"
        onSubmit={submit}
        aria-labelledby="details-title"
        data-testid="my-details"
      >
        <h2 id="details-title">{intl.t('storeDetails.title')}</h2>
        <TextField
          label={intl.t('storeDetails.name')}
          value={name}
          onChange={setName}
          field="body.name"
          name="name"
        />
        <TextField
          label={intl.t('storeDetails.birthday')}
          hint={intl.t('storeDetails.birthdayHint')}
          type="date"
          value={birthday}
          onChange={setBirthday}
          field="body.birthday"
          name="bday"
        />
        {notices}
        <div className="row">
          <button type="submit" disabled={busy}>
            {intl.t('common.save')}
          </button>
        </div>
      </form>
    </ProblemScope>
  );
}
