// A variant's stock policy in the product editor: whether it sells when out of stock (backorder),
// before release (pre-order, with its date) or not at all, and an optional limit per cart line.
import { useIntl } from '../../i18n/index.tsx';
import { SelectField, TextField } from '../../ui/components.tsx';
import { WithFieldError } from '../form-errors.tsx';

export const STOCK_POLICIES = ['deny', 'backorder', 'preorder'] as const;
export type StockPolicy = (typeof STOCK_POLICIES)[number];

export interface StockPolicyDraft {
  stockPolicy: StockPolicy;
  availableFrom: string;
  backorderLimit: string;
}

export const blankStockPolicy = (): StockPolicyDraft => ({
  stockPolicy: 'deny',
  availableFrom: '',
  backorderLimit: '',
});

export const stockPolicyDraftOf = (v: {
  stockPolicy?: StockPolicy;
  availableFrom?: string | null;
  backorderLimit?: number | null;
}): StockPolicyDraft => ({
  stockPolicy: v.stockPolicy ?? 'deny',
  availableFrom: v.availableFrom ?? '',
  backorderLimit: v.backorderLimit == null ? '' : String(v.backorderLimit),
});

/** The body fields; a limit that is not a number is sent as typed, so the hub names the field. */
export function stockPolicyBody(d: StockPolicyDraft) {
  const limit = d.backorderLimit.trim();
  return {
    stockPolicy: d.stockPolicy,
    availableFrom: d.stockPolicy === 'deny' ? null : d.availableFrom.trim() || null,
    backorderLimit: d.stockPolicy === 'deny' || !limit ? null : (Number(limit) as number),
  };
}

export function VariantStockPolicy({
  draft,
  onChange,
  error,
  path,
}: {
  draft: StockPolicyDraft;
  onChange(patch: Partial<StockPolicyDraft>): void;
  error: unknown;
  /** e.g. `variants.0`: where the hub's problem names this variant's fields. */
  path: string;
}) {
  const intl = useIntl();
  return (
    <>
      <WithFieldError error={error} path={`${path}.stockPolicy`}>
        <SelectField
          label={intl.t('stockPolicy.label')}
          value={draft.stockPolicy}
          options={STOCK_POLICIES.map((p) => ({ value: p, label: intl.t(`stockPolicy.${p}`) }))}
          onChange={(stockPolicy) => onChange({ stockPolicy })}
        />
      </WithFieldError>
      {draft.stockPolicy === 'deny' ? null : (
        <>
          <WithFieldError error={error} path={`${path}.availableFrom`}>
            <TextField
              type="date"
              label={intl.t(
                draft.stockPolicy === 'preorder' ? 'stockPolicy.releaseDate' : 'stockPolicy.restockDate',
              )}
              value={draft.availableFrom}
              onChange={(availableFrom) => onChange({ availableFrom })}
            />
          </WithFieldError>
          <WithFieldError error={error} path={`${path}.backorderLimit`}>
            <TextField
              type="number"
              label={intl.t('stockPolicy.limit')}
              hint={intl.t('stockPolicy.limitHint')}
              value={draft.backorderLimit}
              onChange={(backorderLimit) => onChange({ backorderLimit })}
            />
          </WithFieldError>
        </>
      )}
    </>
  );
}
