// The storefront's search aids: suggestions while the shopper types (products to open, a corrected
// query to take) and filters from the search's facets (option values such as size and colour, and a
// price range), all from the channel's search API.
import { useEffect, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok, type paths } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';
import { optionName } from '../ui/local-titles.ts';
import { toMinor, wholeUnitsAround } from '../ui/money.ts';
import { Link } from '../ui/router.tsx';

type Suggest =
  paths['/api/channels/{channel}/suggest']['get']['responses'][200]['content']['application/json'];
export type Facets =
  paths['/api/channels/{channel}/search']['get']['responses'][200]['content']['application/json']['facets'];

/** Suggestions for what is typed, asked for once typing pauses. */
export function SearchSuggestions({
  channelId,
  locale,
  text,
  onPick,
}: {
  channelId: string;
  locale: string | undefined;
  text: string;
  onPick(q: string): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const [found, setFound] = useState<Suggest | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      ok(
        api.GET('/api/channels/{channel}/suggest', {
          params: { path: { channel: channelId }, query: { q, ...(locale ? { locale } : {}) } },
        }),
      ).then(
        (r) => current && setFound(r),
        () => current && setFound(null), // suggestions are a help: the search itself says what fails
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, channelId, locale, text]);
  if (!found || (found.suggestions.length === 0 && !found.didYouMean)) return null;
  return (
    <div className="card suggestions" data-testid="suggestions">
      {found.didYouMean ? (
        <p>
          {intl.t('shop.didYouMean')}{' '}
          <button type="button" className="link" onClick={() => onPick(found.didYouMean!)}>
            {found.didYouMean}
          </button>
        </p>
      ) : null}
      <ul aria-label={intl.t('shop.suggestions')}>
        {found.suggestions.map((s) => (
          <li key={s.id}>
            <Link to={`/p/${s.handle}`}>{s.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FacetChoice {
  /** Option filters as the search API takes them: `name:value`. */
  options: string[];
  /** Minor units of the channel currency. */
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
}

export const noFacetChoice: FacetChoice = { options: [] };
export const hasFacetChoice = (c: FacetChoice) =>
  c.options.length > 0 || c.minPrice !== undefined || c.maxPrice !== undefined;

/** Option values and a price range to narrow the products, with how many products have each. */
export function FacetFilters({
  facets,
  currency,
  choice,
  onChange,
  valueName,
}: {
  /** With `sampleSize`: how many matches the counts are over when `sampled` (not every match). */
  facets: (Facets & { sampleSize?: number }) | undefined;
  /** The channel's: typed prices are read in its exponent. */
  currency: string;
  choice: FacetChoice;
  onChange(c: FacetChoice): void;
  /** An option value's name in the page's language (useOptionValueNames). */
  valueName(option: string, value: string): string;
}) {
  const intl = useIntl();
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  if (!facets) return null;
  const names = [...new Set(facets.options.map((o) => o.name))];
  const toggle = (key: string, on: boolean) =>
    onChange({ ...choice, options: on ? [...choice.options, key] : choice.options.filter((o) => o !== key) });
  // What the shopper types is in main units of the channel currency (yen, dinars with three decimals…).
  const minor = (s: string) => {
    const n = toMinor(s, currency);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const [lowest, highest] = facets.price ? wholeUnitsAround(facets.price, currency) : [0, 0];
  return (
    <details className="facets" open={hasFacetChoice(choice)}>
      <summary>{intl.t('shop.filters')}</summary>
      {facets.sampled ? (
        <p className="hint" data-testid="facets-sampled">
          {intl.t('shop.facetsSampled', { count: facets.sampleSize ?? 0 })}
        </p>
      ) : null}
      {names.map((name) => (
        <fieldset key={name} className="option-values">
          <legend>{optionName(intl, name)}</legend>
          {facets.options
            .filter((o) => o.name === name)
            .map((o) => {
              const key = `${o.name}:${o.value}`;
              return (
                <label key={key} className="option-value">
                  <input
                    type="checkbox"
                    checked={choice.options.includes(key)}
                    onChange={(e) => toggle(key, e.target.checked)}
                  />{' '}
                  {valueName(o.name, o.value)} <span className="hint">({o.count})</span>
                </label>
              );
            })}
        </fieldset>
      ))}
      {facets.price ? (
        <form
          className="row"
          aria-label={intl.t('shop.priceRange')}
          onSubmit={(e) => {
            e.preventDefault();
            const lo = minor(min);
            const hi = minor(max);
            onChange({
              ...choice,
              minPrice: lo,
              maxPrice: hi,
            });
          }}
        >
          <label>
            {intl.t('shop.minPrice')}{' '}
            <input
              inputMode="decimal"
              size={6}
              value={min}
              placeholder={String(lowest)}
              onChange={(e) => setMin(e.target.value)}
            />
          </label>
          <label>
            {intl.t('shop.maxPrice')}{' '}
            <input
              inputMode="decimal"
              size={6}
              value={max}
              placeholder={String(highest)}
              onChange={(e) => setMax(e.target.value)}
            />
          </label>
          <button type="submit" className="secondary">
            {intl.t('shop.applyPrice')}
          </button>
        </form>
      ) : null}
      {hasFacetChoice(choice) ? (
        <button type="button" className="secondary" onClick={() => onChange(noFacetChoice)}>
          {intl.t('shop.clearFilters')}
        </button>
      ) : null}
    </details>
  );
}
