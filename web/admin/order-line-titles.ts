// An order keeps each line's title as it was when sold (in its channel's first locale); the admin
// shows it in the page's language instead. Fallback, in order: the product as the order's channel
// shows it in that language (the catalog's own fallback: the language, then the channel's locales,
// then the product's default locale), with option names translated; else (the product is no longer
// listed there, or still loading) the title stored on the order line.
import { useEffect, useState } from 'react';
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { useApi } from '../ui/key-gate.tsx';
import { optionsText } from '../ui/local-titles.ts';

const known = new Map<string, string | null>();

/** sku → its title in the page's language, or undefined (then show the order line's title). */
export function useOrderLineTitles(channelId: string | undefined, skus: string[]) {
  const intl = useIntl();
  const api = useApi();
  const [, setVersion] = useState(0);
  const keyOf = (sku: string) => `${channelId}|${intl.lang}|${sku}`;
  const missing = channelId ? [...new Set(skus)].filter((sku) => !known.has(keyOf(sku))) : [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: the missing SKUs' list is the trigger
  useEffect(() => {
    if (!channelId || missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map(async (sku) => {
        const p = await ok(
          api.GET('/api/channels/{channel}/products/{idOrSku}', {
            params: { path: { channel: channelId, idOrSku: sku }, query: { locale: intl.lang } },
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
  }, [missing.join(','), intl.lang, channelId]);
  return (sku: string) => known.get(keyOf(sku)) ?? undefined;
}
