// Beside the campaign editor: its coupon codes (one named code, or many generated, and the CSV of
// all of them) and the preview: the form as it is, tried on a sample cart, answering "qualifies, this
// much off" or why not ("add €12 more", "not valid on this channel"), in the page's language.
import { useState } from 'react';
import { type MessageKey, useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Notice, SelectField, TextField } from '../../ui/components.tsx';
import { FormPanel, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { fromMinor, toMinor } from '../form-errors.tsx';

export function CouponCodes({ campaignId }: { campaignId: string | null }) {
  const intl = useIntl();
  const api = useApi();
  const [code, setCode] = useState('');
  const [many, setMany] = useState({ count: '100', prefix: '', usageLimit: '1' });
  const [shown, setShown] = useState<string[]>([]);
  const action = useAction();
  if (!campaignId) {
    return (
      <section className="panel" aria-label={intl.t('promo.codes')}>
        <h2>{intl.t('promo.codes')}</h2>
        <p className="hint">{intl.t('promo.codesAfterSave')}</p>
      </section>
    );
  }
  const path = { params: { path: { id: campaignId } } };
  const add = (body: Record<string, unknown>) =>
    void action.run(
      async () => {
        const r = await ok(
          api.POST('/api/promotions/campaigns/{id}/codes', { ...path, body: body as never }),
        );
        setShown(r.codes);
        setCode('');
        return r.count;
      },
      (count) => intl.t('promo.generated', { count }),
    );
  const limit = many.usageLimit.trim() === '' ? null : Number(many.usageLimit);
  const download = () =>
    void action.run(async () => {
      const csv = await ok(api.GET('/api/promotions/campaigns/{id}/codes.csv', { ...path, parseAs: 'text' }));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([csv as string], { type: 'text/csv' }));
      a.download = `codes-${campaignId}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
    });
  return (
    <section aria-labelledby="codes-title">
      <h2 id="codes-title">{intl.t('promo.codes')}</h2>
      {action.notices}
      <ProblemScope error={action.error}>
        <FormPanel
          label={intl.t('promo.addCode')}
          submit={intl.t('promo.addCode')}
          onSubmit={() => add({ code })}
        >
          <TextField label={intl.t('promo.code')} value={code} onChange={setCode} field="code" />
        </FormPanel>
        <FormPanel
          label={intl.t('promo.generate')}
          submit={intl.t('promo.generate')}
          onSubmit={() =>
            add({
              count: Number(many.count) || null,
              prefix: many.prefix,
              usageLimit: Number.isNaN(limit) ? null : limit,
            })
          }
        >
          <TextField
            label={intl.t('promo.count')}
            value={many.count}
            onChange={(count) => setMany({ ...many, count })}
            field="count"
          />
          <TextField
            label={intl.t('promo.prefix')}
            value={many.prefix}
            onChange={(prefix) => setMany({ ...many, prefix })}
            field="prefix"
          />
          <TextField
            label={intl.t('promo.codeLimit')}
            value={many.usageLimit}
            onChange={(usageLimit) => setMany({ ...many, usageLimit })}
            field="usageLimit"
            hint={intl.t('promo.noLimit')}
          />
        </FormPanel>
      </ProblemScope>
      {shown.length ? (
        <ul className="codes" data-testid="new-codes">
          {shown.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="secondary" onClick={download}>
        {intl.t('promo.exportCsv')}
      </button>
    </section>
  );
}

interface Outcome {
  applied: Array<{ amount: number }>;
  notApplied: Array<{ reason: string; missingAmount?: number; missingQuantity?: number; currency?: string }>;
}

export function CampaignPreview({
  campaign,
  channels,
  audiences,
  currency,
  onError,
}: {
  campaign(): Record<string, unknown>;
  channels: ReadonlyArray<{ id: string; name: string; currency?: string }>;
  audiences: ReadonlyArray<{ id: string; name: string }>;
  currency: string;
  onError(error: unknown): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const [channelId, setChannelId] = useState('');
  const [lines, setLines] = useState([{ sku: '', quantity: '1', price: '' }]);
  const [tags, setTags] = useState('');
  const [audienceId, setAudienceId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const channel = channels.find((c) => c.id === channelId) ?? channels[0];
  const cur = channel?.currency ?? (/^[A-Z]{3}$/.test(currency) ? currency : 'EUR');
  const setLine = (i: number, patch: Partial<(typeof lines)[number]>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const run = async () => {
    onError(null);
    setOutcome(null);
    try {
      const cart = {
        channelId: channel?.id ?? '',
        currency: cur,
        lines: lines.map((l) => ({
          sku: l.sku.trim(),
          quantity: Number(l.quantity),
          unitPrice: Number.isFinite(toMinor(l.price, cur)) ? toMinor(l.price, cur) : null,
        })),
        customer: {
          tags: tags
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          ...(audienceId ? { audienceIds: [audienceId] } : {}),
        },
      };
      setOutcome(
        await ok(api.POST('/api/promotions/preview', { body: { campaign: campaign(), cart } as never })),
      );
    } catch (err) {
      onError(err);
    }
  };
  const why = (n: Outcome['notApplied'][number]) =>
    intl.t(`promo.reason.${n.reason}` as MessageKey, {
      amount: n.missingAmount === undefined ? '' : intl.money(n.missingAmount, n.currency ?? cur),
      count: n.missingQuantity ?? 0,
    });
  const applied = outcome?.applied.reduce((s, a) => s + a.amount, 0) ?? 0;
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{intl.t('promo.preview')}</h2>
      <p className="hint">{intl.t('promo.previewIntro')}</p>
      <FormPanel
        label={intl.t('promo.preview')}
        submit={intl.t('promo.runPreview')}
        onSubmit={run}
        layout="stack"
      >
        <SelectField
          label={intl.t('promo.sampleChannel')}
          field="cart.channelId"
          value={channel?.id ?? ''}
          options={channels.map((c) => ({ value: c.id, label: c.name }))}
          onChange={setChannelId}
        />
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sample lines have no identity but their place
          <div className="row" key={i}>
            <TextField
              label={intl.t('promo.sampleSku', { n: i + 1 })}
              field={`cart.lines.${i}.sku`}
              value={l.sku}
              onChange={(sku) => setLine(i, { sku })}
            />
            <TextField
              label={intl.t('promo.sampleQuantity', { n: i + 1 })}
              field={`cart.lines.${i}.quantity`}
              value={l.quantity}
              onChange={(quantity) => setLine(i, { quantity })}
            />
            <TextField
              label={intl.t('promo.samplePrice', { n: i + 1 })}
              field={`cart.lines.${i}.unitPrice`}
              value={l.price}
              onChange={(price) => setLine(i, { price })}
              placeholder={fromMinor(1000, cur)}
            />
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setLines([...lines, { sku: '', quantity: '1', price: '' }])}
        >
          {intl.t('promo.addLine')}
        </button>
        <TextField
          label={intl.t('promo.sampleTags')}
          field="cart.customer.tags"
          value={tags}
          onChange={setTags}
          hint={intl.t('promo.listHint')}
        />
        {audiences.length ? (
          <SelectField
            label={intl.t('promo.sampleAudiences')}
            value={audienceId}
            options={[{ value: '', label: '–' }, ...audiences.map((a) => ({ value: a.id, label: a.name }))]}
            onChange={setAudienceId}
          />
        ) : null}
      </FormPanel>
      {outcome ? (
        <div role="status" data-testid="preview-outcome">
          {applied > 0 ? (
            <Notice tone="success">{intl.t('promo.applies', { amount: intl.money(applied, cur) })}</Notice>
          ) : null}
          {outcome.notApplied.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reasons are shown in the hub's order
            <Notice key={i}>{intl.t('promo.doesNotApply', { reason: why(n) })}</Notice>
          ))}
        </div>
      ) : null}
    </section>
  );
}
