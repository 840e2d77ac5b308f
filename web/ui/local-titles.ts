// A cart keeps each line's title as it was when the line was added (in the channel's first locale);
// the apps show it in the page's language instead: the product as the channel shows it in that
// locale (the catalog's fallback: the locale, the channel's locales, the product's default), with
// the option names translated. Looked up once per channel, SKU and language; the stored title stays
// the fallback while loading or when the product is no longer listed. Used by the till, the
// storefront's cart and the admin's order lines.
import { useEffect, useState } from 'react';
import { isMessageKey, type UiIntl, useIntl } from '../i18n/index.tsx';
import { ok } from './api.ts';
import { useApi } from './key-gate.tsx';

/** An option's name in the page's language when it is a common one (size, colour…), else as saved. */
export function optionName(intl: UiIntl, name: string): string {
  const key = `option.${name.trim().toLowerCase()}`;
  return isMessageKey(key) ? intl.t(key) : name;
}

/** "Size M · Colour blue", the option names translated, the values as the catalog has them. */
export function optionsText(intl: UiIntl, options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${optionName(intl, k)} ${v}`)
    .join(' · ');
}

const valueNames = new Map<string, Promise<Map<string, string>>>();

/**
 * (option, value) → the value's name in the page's language where the catalog names it (colour
 * "moss" → "mos"), else the value as saved. Read once per channel and language.
 */
export function useOptionValueNames(channelId: string): (option: string, value: string) => string {
  const intl = useIntl();
  const api = useApi();
  const [names, setNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    const key = `${channelId}|${intl.lang}`;
    let read = valueNames.get(key);
    if (!read) {
      read = ok(
        api.GET('/api/channels/{channel}/option-labels', {
          params: { path: { channel: channelId }, query: { locale: intl.lang } },
        }),
      ).then(
        (r) => new Map(r.items.map((l) => [`${l.option}\u001f${l.value}`, l.label])),
        () => {
          valueNames.delete(key); // names are a help: the codes show until a later read works
          return new Map<string, string>();
        },
      );
      valueNames.set(key, read);
    }
    let live = true;
    void read.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, [api, channelId, intl.lang]);
  return (option, value) => names?.get(`${option}\u001f${value}`) ?? value;
}

const known = new Map<string, string | null>();

/** sku → its title in the page's language on `channelId`, or undefined until known (then the cart's title). */
export function useChannelTitles(channelId: string, skus: string[]): (sku: string) => string | undefined {
  const intl = useIntl();
  const api = useApi();
  const [, setVersion] = useState(0);
  const keyOf = (sku: string) => `${channelId}|${intl.lang}|${sku}`;
  const missing = [...new Set(skus)].filter((sku) => !known.has(keyOf(sku)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the missing SKUs' list is the trigger
  useEffect(() => {
    if (missing.length === 0) return;
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
  return (sku) => known.get(keyOf(sku)) ?? undefined;
}
