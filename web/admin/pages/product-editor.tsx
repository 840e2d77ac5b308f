// Creating and editing a product: its text in one language at a time, status, categories, vendor
// and tags, its variants (SKU, barcode, options) with a price and a compare-at price per price list,
// and where it is listed. A refused save shows each problem next to its field, in the page's language.
import { useState } from 'react';
import { LANGUAGES, useIntl } from '../../i18n/index.tsx';
import { ApiError, ok } from '../../ui/api.ts';
import { ErrorNotice, Loading, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { FormPanel } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { Link, useRouter } from '../../ui/router.tsx';
import { toMinor, WithFieldError, withFieldPaths } from '../form-errors.tsx';
import { Listings } from './catalog.tsx';
import {
  blankVariant,
  type Draft,
  draftOf,
  listOf,
  type PriceList,
  parseOptions,
  STATUSES,
  type Status,
  type VariantDraft,
} from './product-draft.ts';
import { ProductMedia } from './product-media.tsx';
import { stockPolicyBody, VariantStockPolicy } from './variant-stock-policy.tsx';

export function ProductEditorPage({ id }: { id?: string }) {
  const intl = useIntl();
  const api = useApi();
  const priceLists = useLoad(() => ok(api.GET('/api/catalog/price-lists')), []);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  // Kept here: a save reloads the product, which starts the form afresh from what was stored.
  const [saved, setSaved] = useState(false);
  const loaded = useLoad(async () => {
    if (!id) return null;
    const path = { params: { path: { id } } };
    const [product, prices] = await Promise.all([
      ok(api.GET('/api/catalog/products/{id}', path)),
      ok(api.GET('/api/catalog/products/{id}/prices', path)),
    ]);
    return { product, prices: prices.items };
  }, [id]);
  if (!priceLists.data || (id && !loaded.data)) {
    return (
      <>
        {loaded.error || priceLists.error ? (
          <ErrorNotice error={loaded.error ?? priceLists.error} />
        ) : (
          <Loading />
        )}
      </>
    );
  }
  const lists = priceLists.data.items;
  const p = loaded.data?.product;
  const onSaved = () => {
    setSaved(true);
    loaded.reload();
  };
  return (
    <section aria-labelledby="product-title">
      <p>
        <Link to="/catalog">{intl.t('productEditor.back')}</Link>
      </p>
      <ProductForm
        key={`${id ?? 'new'}:${p?.updatedAt ?? ''}`}
        id={id}
        lists={lists}
        initial={p ? draftOf(p, loaded.data!.prices, lists, intl.lang) : undefined}
        saved={saved}
        onSaving={() => setSaved(false)}
        onSaved={onSaved}
      />
      {p ? (
        <Listings
          productId={p.id}
          title={p.content[p.defaultLocale]?.title ?? p.handle}
          channels={channels.data?.items ?? []}
        />
      ) : null}
      {p ? <ProductMedia productId={p.id} locales={Object.keys(p.content)} variants={p.variants} /> : null}
    </section>
  );
}

function ProductForm({
  id,
  lists,
  initial,
  saved,
  onSaving,
  onSaved,
}: {
  id: string | undefined;
  lists: PriceList[];
  initial: Draft | undefined;
  saved: boolean;
  onSaving(): void;
  onSaved(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<Draft>(
    initial ?? {
      handle: '',
      status: 'active',
      locale: intl.lang,
      defaultLocale: intl.lang,
      content: {},
      categories: '',
      vendor: '',
      tags: '',
      variants: [blankVariant()],
    },
  );
  const [error, setError] = useState<unknown>(null);
  const text = draft.content[draft.locale] ?? { title: '', description: '' };
  const setText = (patch: Partial<typeof text>) =>
    setDraft({ ...draft, content: { ...draft.content, [draft.locale]: { ...text, ...patch } } });
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    setDraft({ ...draft, variants: draft.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const minorOf = (typed: string, l: PriceList) => {
    const minor = toMinor(typed, l.currency);
    // Not a number: sent as typed, so the hub refuses it and names the field.
    return Number.isNaN(minor) ? (typed as unknown as number) : minor;
  };
  const pricesOf = (v: VariantDraft) =>
    lists.flatMap((l, j) => {
      const typed = v.prices[l.code]?.trim();
      const was = v.was[l.code]?.trim();
      if (!typed) return [];
      const price = { priceListId: l.code, amount: minorOf(typed, l), currency: l.currency };
      return [{ j, price: { ...price, compareAtAmount: was ? minorOf(was, l) : null } }];
    });
  const categories = listOf(draft.categories);
  const product = { categories, vendor: draft.vendor.trim() || null, tags: listOf(draft.tags) };
  const content = { [draft.locale]: { title: text.title, description: text.description } };

  const create = async () => {
    const variants = draft.variants.map((v) => ({
      sku: v.sku.trim(),
      gtin: v.gtin.trim() || null,
      options: parseOptions(v.options),
      prices: pricesOf(v).map((x) => x.price),
      ...stockPolicyBody(v.stock),
    }));
    const pricePos = draft.variants.map((v) => pricesOf(v).map((x) => x.j));
    try {
      const created = await ok(
        api.POST('/api/catalog/products', {
          body: {
            handle: draft.handle.trim(),
            status: draft.status,
            defaultLocale: draft.locale,
            content,
            ...product,
            variants,
          },
        }),
      );
      navigate(`/catalog/${created.id}`);
    } catch (err) {
      // Prices are sent only where given: `variants.0.prices.1` is the second price *sent*.
      throw withFieldPaths(err, (path) =>
        path.replace(
          /^variants\.(\d+)\.prices\.(\d+)/,
          (_m, i, k) => `variants.${i}.prices.${pricePos[+i]?.[+k] ?? k}`,
        ),
      );
    }
  };

  const update = async (productId: string) => {
    const path = { params: { path: { id: productId } } };
    await ok(
      api.PATCH('/api/catalog/products/{id}', {
        ...path,
        body: { status: draft.status, content, ...product },
      }),
    );
    for (const [i, v] of draft.variants.entries()) {
      const scoped = (err: unknown) => withFieldPaths(err, (p) => `variants.${i}.${p}`);
      const sent = pricesOf(v);
      if (!v.saved) {
        const body = {
          sku: v.sku.trim(),
          gtin: v.gtin.trim() || null,
          options: parseOptions(v.options),
          prices: sent.map((x) => x.price),
          ...stockPolicyBody(v.stock),
        };
        await ok(api.POST('/api/catalog/products/{id}/variants', { ...path, body })).catch((err) => {
          throw withFieldPaths(
            err,
            (p) => `variants.${i}.${p.replace(/^prices\.(\d+)/, (_m, k) => `prices.${sent[+k]?.j ?? k}`)}`,
          );
        });
        continue;
      }
      await ok(
        api.PATCH('/api/catalog/products/{id}/variants/{sku}', {
          params: { path: { id: productId, sku: v.sku } },
          body: {
            gtin: v.gtin.trim() || null,
            options: parseOptions(v.options),
            ...stockPolicyBody(v.stock),
          },
        }),
      ).catch((err) => {
        throw scoped(err);
      });
      for (const { j, price } of sent) {
        await ok(
          api.PUT('/api/catalog/price-lists/{id}/prices', {
            params: { path: { id: price.priceListId } },
            body: {
              prices: [
                {
                  sku: v.sku,
                  amount: price.amount,
                  currency: price.currency,
                  compareAtAmount: price.compareAtAmount,
                },
              ],
            },
          }),
        ).catch((err) => {
          throw withFieldPaths(err, (p) => `variants.${i}.prices.${j}.${p.replace(/^prices\.\d+\./, '')}`);
        });
      }
    }
  };

  const save = async () => {
    setError(null);
    onSaving();
    try {
      if (id) {
        await update(id);
        onSaved();
      } else await create();
    } catch (err) {
      setError(duplicateSkuAsField(err, draft.variants));
    }
  };

  return (
    <>
      <h1 id="product-title">
        {id
          ? intl.t('productEditor.editTitle', { title: text.title || draft.handle })
          : intl.t('productEditor.newTitle')}
      </h1>
      {saved ? (
        <div className="notice notice-success" role="status">
          {intl.t('productEditor.saved')}
        </div>
      ) : null}
      {error instanceof ApiError && (error.problem.errors ?? []).length > 0 ? (
        <div className="notice notice-error" role="alert">
          {intl.t('form.checkFields')}
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
      <FormPanel
        label={intl.t('productEditor.form')}
        submit={intl.t('common.save')}
        onSubmit={save}
        layout="stack"
      >
        <div className="row">
          <WithFieldError error={error} path="handle">
            <TextField
              label={intl.t('catalog.handle')}
              value={draft.handle}
              onChange={(handle) => setDraft({ ...draft, handle })}
              hint={intl.t('productEditor.handleHint')}
              {...(id ? { readOnly: true } : {})}
            />
          </WithFieldError>
          <SelectField<Status>
            label={intl.t('channels.status')}
            value={draft.status}
            options={STATUSES.map((s) => ({ value: s, label: intl.t(`productStatus.${s}`) }))}
            onChange={(status) => setDraft({ ...draft, status })}
          />
          <SelectField
            label={intl.t('productEditor.language')}
            value={draft.locale}
            options={[...new Set([...LANGUAGES, ...Object.keys(draft.content)])].map((l) => ({
              value: l,
              label: l,
            }))}
            onChange={(locale) => setDraft({ ...draft, locale })}
          />
        </div>
        <WithFieldError error={error} path={`content.${draft.locale}.title`}>
          <TextField
            label={intl.t('productEditor.title')}
            value={text.title}
            onChange={(title) => setText({ title })}
          />
        </WithFieldError>
        <WithFieldError error={error} path={`content.${draft.locale}.description`}>
          <TextField
            label={intl.t('productEditor.description')}
            value={text.description}
            onChange={(description) => setText({ description })}
          />
        </WithFieldError>
        <WithFieldError error={error} path="categories.0">
          <TextField
            label={intl.t('productEditor.categories')}
            value={draft.categories}
            onChange={(c) => setDraft({ ...draft, categories: c })}
            hint={intl.t('productEditor.categoriesHint')}
          />
        </WithFieldError>
        <WithFieldError error={error} path="vendor">
          <TextField
            label={intl.t('productEditor.vendor')}
            value={draft.vendor}
            onChange={(vendor) => setDraft({ ...draft, vendor })}
          />
        </WithFieldError>
        <WithFieldError error={error} path="tags.0">
          <TextField
            label={intl.t('productEditor.tags')}
            value={draft.tags}
            onChange={(tags) => setDraft({ ...draft, tags })}
            hint={intl.t('productEditor.tagsHint')}
          />
        </WithFieldError>
        <h2>{intl.t('productEditor.variants')}</h2>
        {draft.variants.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: variants are edited in place, in order
          <fieldset key={i} className="row" data-variant={i}>
            <legend>{v.sku || intl.t('productEditor.newVariant')}</legend>
            <WithFieldError error={error} path={`variants.${i}.sku`}>
              <TextField
                label={intl.t('inventory.sku')}
                value={v.sku}
                onChange={(sku) => setVariant(i, { sku })}
                {...(v.saved ? { readOnly: true } : {})}
              />
            </WithFieldError>
            <WithFieldError error={error} path={`variants.${i}.gtin`}>
              <TextField
                label={intl.t('productEditor.gtin')}
                value={v.gtin}
                onChange={(gtin) => setVariant(i, { gtin })}
              />
            </WithFieldError>
            <WithFieldError error={error} path={`variants.${i}.options`}>
              <TextField
                label={intl.t('productEditor.options')}
                value={v.options}
                onChange={(options) => setVariant(i, { options })}
                hint={intl.t('productEditor.optionsHint')}
              />
            </WithFieldError>
            <VariantStockPolicy
              draft={v.stock}
              onChange={(patch) => setVariant(i, { stock: { ...v.stock, ...patch } })}
              error={error}
              path={`variants.${i}`}
            />
            {lists.map((l, j) => (
              <WithFieldError key={l.id} error={error} path={`variants.${i}.prices.${j}.amount`}>
                <TextField
                  label={intl.t('productEditor.price', { list: l.name, currency: l.currency })}
                  value={v.prices[l.code] ?? ''}
                  onChange={(amount) => setVariant(i, { prices: { ...v.prices, [l.code]: amount } })}
                />
              </WithFieldError>
            ))}
            {lists.map((l, j) => (
              <WithFieldError key={l.id} error={error} path={`variants.${i}.prices.${j}.compareAtAmount`}>
                <TextField
                  label={intl.t('productEditor.compareAt', { list: l.name, currency: l.currency })}
                  value={v.was[l.code] ?? ''}
                  onChange={(was) => setVariant(i, { was: { ...v.was, [l.code]: was } })}
                />
              </WithFieldError>
            ))}
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => setDraft({ ...draft, variants: [...draft.variants, blankVariant()] })}
          >
            {intl.t('productEditor.addVariant')}
          </button>
        </p>
      </FormPanel>
    </>
  );
}

/** A SKU another product has (409 conflict) is shown at that variant's SKU field. */
function duplicateSkuAsField(err: unknown, variants: VariantDraft[]): unknown {
  if (!(err instanceof ApiError) || err.status !== 409) return err;
  const skus = (err.problem as { skus?: string[] }).skus ?? [];
  const errors = variants.flatMap((v, i) =>
    skus.includes(v.sku.trim())
      ? [{ path: `variants.${i}.sku`, message: err.message, code: 'duplicate_sku' }]
      : [],
  );
  return errors.length ? new ApiError(err.status, { ...err.problem, errors }) : err;
}
