// The loyalty tiers inside the rules form: one row per tier (code, name, the lifetime points that
// reach it, the points multiplier it gives), added and removed in place. Values go to the hub as
// typed, so it names the field of the row that is wrong (body.tiers.1.threshold) and that field is
// outlined here.
import { useIntl } from '../../i18n/index.tsx';
import { TextField } from '../../ui/components.tsx';

export interface TierDraft {
  code: string;
  name: string;
  threshold: string;
  multiplier: string;
}

export const blankTier = (): TierDraft => ({ code: '', name: '', threshold: '', multiplier: '1' });

export const tierDraft = (t: { code: string; name: string; threshold: number; multiplier: number }) => ({
  code: t.code,
  name: t.name,
  threshold: String(t.threshold),
  multiplier: String(t.multiplier),
});

export function TierRows({ tiers, onChange }: { tiers: TierDraft[]; onChange(tiers: TierDraft[]): void }) {
  const intl = useIntl();
  const set = (i: number, patch: Partial<TierDraft>) =>
    onChange(tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <>
      <h2>{intl.t('loyalty.tiersTitle')}</h2>
      <p className="hint">{intl.t('loyalty.tiersHint')}</p>
      {tiers.map((t, i) => {
        const legend = t.name.trim() || intl.t('loyalty.tierN', { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place, in order
          <fieldset key={i} className="row" data-tier={i}>
            <legend>{legend}</legend>
            <TextField
              label={intl.t('loyalty.tierName')}
              field={`body.tiers.${i}.name`}
              value={t.name}
              onChange={(name) => set(i, { name })}
            />
            <TextField
              label={intl.t('loyalty.tierCode')}
              field={`body.tiers.${i}.code`}
              value={t.code}
              hint={intl.t('loyalty.tierCodeHint')}
              onChange={(code) => set(i, { code })}
            />
            <TextField
              label={intl.t('loyalty.tierThreshold')}
              field={`body.tiers.${i}.threshold`}
              value={t.threshold}
              onChange={(threshold) => set(i, { threshold })}
            />
            <TextField
              label={intl.t('loyalty.tierMultiplier')}
              field={`body.tiers.${i}.multiplier`}
              value={t.multiplier}
              hint={intl.t('loyalty.tierMultiplierHint')}
              onChange={(multiplier) => set(i, { multiplier })}
            />
            <p>
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(tiers.filter((_, j) => j !== i))}
              >
                {intl.t('loyalty.removeTier', { name: legend })}
              </button>
            </p>
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="secondary" onClick={() => onChange([...tiers, blankTier()])}>
          {intl.t('loyalty.addTier')}
        </button>
      </p>
    </>
  );
}
