// A cart keeps each line's title as it was when the line was added (in the channel's first locale);
// the till shows it in the page's language instead: the product as the channel shows it in that
// locale (the catalog's fallback: the locale, the channel's locales, the product's default), with
// the option names translated. Looked up once per SKU and language; the stored title stays the
// fallback while loading or when the product is no longer listed.
import { useEffect, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';
import { useTill } from './pos-app.tsx';
import { optionsText } from './scanner.tsx';

const known = new Map<string, string | null>();

/** sku → its title in the page's language, or undefined until known (then the cart's title). */
export function useLocalTitles(skus: string[]): (sku: string) => string | undefined {
  const intl = useIntl();
  const api = useApi();
  const { channel } = useTill();
  const [, setVersion] = useState(0);
  const keyOf = (sku: string) => `${channel.id}|${intl.lang}|${sku}`;
  const missing = [...new Set(skus)].filter((sku) => !known.has(keyOf(sku)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the missing SKUs' list is the trigger
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map(async (sku) => {
        const p = await ok(
          api.GET('/api/channels/{channel}/products/{idOrSku}', {
            params: { path: { channel: channel.id, idOrSku: sku }, query: { locale: intl.lang } },
          }),
        ).catch(() => null);
        const v = p?.variants.find((x) => x.sku === sku);
        const options = v && Object.keys(v.options).length ? ` (${optionsText(intl, v.options)})` : '';
        known.set(keyOf(sku), p ? `${p.title}${options}` : null);
      }),
    ).then(() => live && setVersion((n) => n + 1));
    return () => {
      live = false;
    };
  }, [missing.join(','), intl.lang, channel.id]);
  return (sku) => known.get(keyOf(sku)) ?? undefined;
}
