// The campaign editor: name and kind, status and schedule (local time in a time zone), who and what
// (channels, CDP audiences, tags, SKUs, categories, minimum spend or quantity), the reward, limits;
// coupon codes for a code campaign; and a preview of the unsaved form on a sample cart. A refused
// save or preview highlights the fields the hub names, in the page's language.
import { type ReactNode, useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  FieldsetField,
  Loading,
  SelectField,
  TextAreaField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { Link, useRouter } from '../../ui/router.tsx';
import { CampaignPreview, CouponCodes } from './campaign-extras.tsx';
import {
  BENEFITS,
  type CampaignForm,
  type CampaignShape,
  EMPTY_FORM,
  STACKINGS,
  toCampaignBody,
  toCreateBody,
  toForm,
} from './campaign-form.ts';
import { CampaignReport } from './campaign-report.tsx';

export function CampaignEditorPage({ id }: { id?: string }) {
  const api = useApi();
  const campaign = useLoad(
    async () =>
      id
        ? ((await ok(
            api.GET('/api/promotions/campaigns/{id}', { params: { path: { id } } }),
          )) as unknown as CampaignShape)
        : null,
    [id],
  );
  if (id && !campaign.data) return <Loading />;
  return <Editor key={id ?? 'new'} saved={campaign.data ?? null} />;
}

/** Ticks of a list of choices (channels, audiences). */
function Ticks({
  legend,
  hint,
  field,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint: string;
  /** The request field it fills (body.channelIds). */
  field: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  value: string[];
  onChange(v: string[]): void;
}) {
  return (
    <FieldsetField legend={legend} hint={hint} field={field}>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.id)}
            onChange={() =>
              onChange(value.includes(o.id) ? value.filter((x) => x !== o.id) : [...value, o.id])
            }
          />{' '}
          {o.name}
        </label>
      ))}
    </FieldsetField>
  );
}

function Editor({ saved }: { saved: CampaignShape | null }) {
  const intl = useIntl();
  const api = useApi();
  const { navigate } = useRouter();
  const [form, setForm] = useState<CampaignForm>(saved ? toForm(saved) : EMPTY_FORM);
  const [current, setCurrent] = useState(saved);
  const action = useAction();
  const [previewError, setPreviewError] = useState<unknown>(null);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const audiences = useLoad(() => ok(api.GET('/api/audiences')).catch(() => ({ items: [] })), []);
  const set =
    <K extends keyof CampaignForm>(k: K) =>
    (v: CampaignForm[K]) =>
      setForm({ ...form, [k]: v });

  const save = () =>
    void action.run(async () => {
      setPreviewError(null);
      if (current) {
        const { kind: _kind, ...patch } = toCampaignBody(form);
        const next = await ok(
          api.PATCH('/api/promotions/campaigns/{id}', {
            params: { path: { id: current.id } },
            body: patch as never,
          }),
        );
        setCurrent(next as unknown as CampaignShape);
      } else {
        const made = await ok(api.POST('/api/promotions/campaigns', { body: toCreateBody(form) as never }));
        setCurrent(made as unknown as CampaignShape);
        navigate(`/promotions/${made.id}`);
      }
    }, intl.t('promo.saved'));

  const text = (key: Parameters<typeof intl.t>[0], k: keyof CampaignForm, field?: string, hint?: string) => (
    <TextField
      label={intl.t(key)}
      value={form[k] as string}
      onChange={set(k) as (v: string) => void}
      {...(field ? { field } : {})}
      {...(hint ? { hint } : {})}
    />
  );
  const section = (title: string, children: ReactNode) => (
    <fieldset className="panel stack">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
  const benefitFields: Record<(typeof BENEFITS)[number], ReactNode> = {
    percentage: text('promo.percent', 'percent', 'benefit.percentBp'),
    fixed: text('promo.amount', 'amount', 'benefit.amount'),
    free_shipping: null,
    buy_x_get_y: (
      <div className="row">
        {text('promo.buy', 'buy', 'benefit.buy')}
        {text('promo.get', 'get', 'benefit.get')}
      </div>
    ),
    tiered: (
      <TextAreaField
        label={intl.t('promo.tiers')}
        rows={3}
        field="benefit.tiers"
        value={form.tiers}
        onChange={set('tiers') as (v: string) => void}
        hint={intl.t('promo.tiersHint')}
      />
    ),
    bundle: (
      <>
        <TextAreaField
          label={intl.t('promo.bundleItems')}
          rows={3}
          field="benefit.items"
          value={form.bundleItems}
          onChange={set('bundleItems') as (v: string) => void}
          hint={intl.t('promo.bundleItemsHint')}
        />
        {text('promo.bundlePrice', 'bundlePrice', 'benefit.price')}
      </>
    ),
  };

  return (
    <section aria-labelledby="campaign-title">
      <p>
        <Link to="/promotions">{intl.t('promo.back')}</Link>
      </p>
      <h1 id="campaign-title">
        {current ? intl.t('promo.edit', { name: current.name }) : intl.t('promo.new')}
      </h1>
      {action.notices}
      <ProblemScope error={action.error ?? previewError}>
        <form
          className="stack"
          aria-label={intl.t('promo.new')}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          {section(
            intl.t('promo.general'),
            <>
              {text('promo.name', 'name', 'name')}
              {current ? null : (
                <SelectField
                  label={intl.t('promo.kind')}
                  value={form.kind}
                  options={(['automatic', 'code'] as const).map((k) => ({
                    value: k,
                    label: intl.t(`promo.kind.${k}`),
                  }))}
                  onChange={set('kind')}
                />
              )}
              <SelectField
                label={intl.t('promo.status')}
                value={form.status}
                options={(['active', 'paused', 'archived'] as const).map((s) => ({
                  value: s,
                  label: intl.t(`promo.status.${s}`),
                }))}
                onChange={set('status')}
              />
              <SelectField
                label={intl.t('promo.stacking')}
                value={form.stacking}
                options={STACKINGS.map((s) => ({ value: s, label: intl.t(`promo.stacking.${s}`) }))}
                onChange={set('stacking')}
              />
              {text('promo.priority', 'priority', 'priority')}
            </>,
          )}
          {section(
            intl.t('promo.schedule'),
            <>
              {text('promo.timeZone', 'timeZone', 'timeZone', intl.t('promo.scheduleHint'))}
              <div className="row">
                <TextField
                  label={intl.t('promo.startsAt')}
                  type="datetime-local"
                  value={form.startsAt}
                  onChange={set('startsAt')}
                  field="startsAt"
                />
                <TextField
                  label={intl.t('promo.endsAt')}
                  type="datetime-local"
                  value={form.endsAt}
                  onChange={set('endsAt')}
                  field="endsAt"
                />
              </div>
            </>,
          )}
          {section(
            intl.t('promo.conditions'),
            <>
              <Ticks
                legend={intl.t('promo.channels')}
                field="body.channelIds"
                hint={intl.t('promo.channelsHint')}
                options={channels.data?.items ?? []}
                value={form.channelIds}
                onChange={set('channelIds')}
              />
              {audiences.data?.items.length ? (
                <Ticks
                  legend={intl.t('promo.audiences')}
                  field="body.audienceIds"
                  hint={intl.t('promo.audiencesHint')}
                  options={audiences.data.items}
                  value={form.audienceIds}
                  onChange={set('audienceIds')}
                />
              ) : null}
              {text('promo.tags', 'tags', 'conditions.customerTags', intl.t('promo.listHint'))}
              {text('promo.skus', 'skus', 'conditions.skus', intl.t('promo.listHint'))}
              {text('promo.categories', 'categories', 'conditions.categories', intl.t('promo.listHint'))}
              {text(
                'promo.collections',
                'collections',
                'conditions.collectionIds',
                intl.t('promo.collectionsHint'),
              )}
              <div className="row">
                {text('promo.currency', 'currency', 'currency', intl.t('promo.currencyHint'))}
                {text('promo.minSpend', 'minSpend', 'conditions.minSpend')}
                {text('promo.minQuantity', 'minQuantity', 'conditions.minQuantity')}
              </div>
            </>,
          )}
          {section(
            intl.t('promo.benefit'),
            <>
              <SelectField
                label={intl.t('promo.benefitType')}
                value={form.benefit}
                options={BENEFITS.map((b) => ({ value: b, label: intl.t(`promo.benefit.${b}`) }))}
                onChange={set('benefit')}
              />
              {benefitFields[form.benefit]}
            </>,
          )}
          {section(
            intl.t('promo.limits'),
            <div className="row">
              {text('promo.usageLimit', 'usageLimit', 'usageLimit', intl.t('promo.noLimit'))}
              {text(
                'promo.perCustomerLimit',
                'perCustomerLimit',
                'perCustomerLimit',
                intl.t('promo.noLimit'),
              )}
            </div>,
          )}
          <button type="submit">{intl.t('promo.save')}</button>
        </form>
      </ProblemScope>
      {form.kind === 'code' ? <CouponCodes campaignId={current?.id ?? null} /> : null}
      {current ? <CampaignReport campaignId={current.id} channels={channels.data?.items ?? []} /> : null}
      <CampaignPreview
        campaign={() => toCreateBody(form)}
        channels={channels.data?.items ?? []}
        audiences={audiences.data?.items ?? []}
        currency={form.currency}
        onError={setPreviewError}
      />
    </section>
  );
}
