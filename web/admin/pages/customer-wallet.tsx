// The wallet on the admin's customer view: points (and tier), store credit and gift cards, each
// account's ledger, and an adjustment with a reason (staff with wallet:write; a debit beyond the
// balance is refused and nothing is written). Who adjusted is in the event log.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, ErrorNotice, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { DataTable, FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';
import { toMinor } from '../form-errors.tsx';

type Kind = 'points' | 'gift_card' | 'store_credit';
interface Account {
  id: string;
  kind: Kind;
  codeHint: string | null;
  currency: string | null;
  balance: number;
}

export function CustomerWalletPanel({ customerId }: { customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const wallet = useLoad(
    () => ok(api.GET('/api/customers/{id}/wallet', { params: { path: { id: customerId } } })),
    [customerId],
  );
  const accounts: Account[] = wallet.data
    ? [
        ...(wallet.data.points
          ? [
              {
                ...wallet.data.points,
                id: wallet.data.points.accountId,
                kind: 'points' as const,
                codeHint: null,
                currency: null,
              },
            ]
          : []),
        ...wallet.data.storeCredit,
        ...wallet.data.giftCards,
      ]
    : [];
  const [chosen, setChosen] = useState('');
  const account = accounts.find((a) => a.id === chosen) ?? accounts[0];
  const entries = useLoad(
    () =>
      account
        ? ok(
            api.GET('/api/wallet/accounts/{id}/entries', {
              params: { path: { id: account.id }, query: { limit: 20 } },
            }),
          )
        : Promise.resolve(null),
    [account?.id],
  );
  useLiveEvents(['wallet.credited', 'wallet.debited'], () => {
    wallet.reload();
    entries.reload();
  });
  const [form, setForm] = useState({ amount: '', reason: '' });
  const action = useAction();
  const show = (a: { currency: string | null }, amount: number) =>
    a.currency ? intl.money(amount, a.currency) : intl.t('wallet.points', { points: amount });
  const label = (a: Account) =>
    `${intl.t(`walletAdmin.kind.${a.kind}`)}${a.codeHint ? ` …${a.codeHint}` : ''} · ${show(a, a.balance)}`;
  const adjust = () =>
    void action.run(
      async () => {
        if (!account) return 0;
        const amount = account.currency ? toMinor(form.amount, account.currency) : Number(form.amount.trim());
        const entry = await ok(
          api.POST('/api/wallet/accounts/{id}/adjustments', {
            params: { path: { id: account.id } },
            body: { amount: Number.isFinite(amount) ? amount : 0, reason: form.reason },
          }),
        );
        setForm({ amount: '', reason: '' });
        wallet.reload();
        entries.reload();
        return entry.balanceAfter;
      },
      (balance) => intl.t('walletAdmin.adjusted', { balance: account ? show(account, balance) : balance }),
    );
  return (
    <section className="panel" aria-labelledby="wallet-title" data-testid="customer-wallet">
      <h2 id="wallet-title">{intl.t('walletAdmin.title')}</h2>
      <ErrorNotice error={wallet.error} />
      {wallet.data && accounts.length === 0 ? <Empty>{intl.t('walletAdmin.none')}</Empty> : null}
      {account ? (
        <>
          <ul>
            {accounts.map((a) => (
              <li key={a.id} data-account={a.kind}>
                {label(a)}
              </li>
            ))}
          </ul>
          {action.notices}
          <ProblemScope error={action.error}>
            <FormPanel
              label={intl.t('walletAdmin.adjust')}
              submit={intl.t('walletAdmin.adjust')}
              onSubmit={adjust}
            >
              <SelectField
                label={intl.t('walletAdmin.account')}
                value={account.id}
                options={accounts.map((a) => ({ value: a.id, label: label(a) }))}
                onChange={setChosen}
              />
              <TextField
                label={intl.t('walletAdmin.amount')}
                value={form.amount}
                onChange={(amount) => setForm({ ...form, amount })}
                field="amount"
                required
              />
              <TextField
                label={intl.t('walletAdmin.reason')}
                value={form.reason}
                onChange={(reason) => setForm({ ...form, reason })}
                field="reason"
                required
              />
            </FormPanel>
          </ProblemScope>
          <h3>{intl.t('walletAdmin.ledger')}</h3>
          {entries.data ? (
            <DataTable
              rows={entries.data.items}
              caption={intl.t('walletAdmin.ledger')}
              rowKey={(e) => e.id}
              rowProps={(e) => ({ 'data-entry': e.kind })}
              columns={[
                { header: intl.t('walletAdmin.when'), cell: (e) => intl.date(e.createdAt) },
                {
                  header: intl.t('walletAdmin.what'),
                  cell: (e) => `${intl.t(`walletAdmin.entry.${e.kind}`)}${e.reason ? ` · ${e.reason}` : ''}`,
                },
                { header: intl.t('walletAdmin.change'), num: true, cell: (e) => show(account, e.amount) },
                {
                  header: intl.t('walletAdmin.after'),
                  num: true,
                  cell: (e) => show(account, e.balanceAfter),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
