// Catalog: every product (listed or not) with search, each opening its editor (product-editor.tsx),
// and per product its listings on each channel, which can be published or hidden here; below, the
// tills' favourites grids (till-favourites.tsx).
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill, TextField, useLoad } from '../../ui/components.tsx';
import { DataTable, FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';
import { TillFavouritesEditor } from './till-favourites.tsx';

export function CatalogPage() {
  const intl = useIntl();
  const api = useApi();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const products = useLoad(
    () => ok(api.GET('/api/catalog/products', { params: { query: { limit: 50, ...(q ? { q } : {}) } } })),
    [q],
  );
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const title = (p: { content: Record<string, { title: string }>; defaultLocale: string; handle: string }) =>
    p.content[intl.lang]?.title ?? p.content[p.defaultLocale]?.title ?? p.handle;
  const product = products.data?.items.find((p) => p.id === selected);

  return (
    <section aria-labelledby="catalog-title">
      <div className="spread">
        <h1 id="catalog-title">{intl.t('catalog.title')}</h1>
        <Link to="/catalog/new" className="button">
          {intl.t('catalog.newProduct')}
        </Link>
      </div>
      <FormPanel
        label={intl.t('common.search')}
        submit={intl.t('common.search')}
        onSubmit={() => setQ(text.trim())}
      >
        <TextField label={intl.t('store.searchProducts')} value={text} onChange={setText} type="search" />
      </FormPanel>
      {product ? (
        <Listings
          productId={product.id}
          title={title(product)}
          channels={channels.data?.items ?? []}
          onClose={() => setSelected(null)}
        />
      ) : null}
      <LoadedTable
        load={products}
        items={products.data?.items}
        rowKey={(p) => p.id}
        rowProps={(p) => ({ 'data-product': p.handle })}
        columns={[
          { header: intl.t('catalog.product'), cell: (p) => <Link to={`/catalog/${p.id}`}>{title(p)}</Link> },
          { header: intl.t('catalog.handle'), cell: (p) => <code>{p.handle}</code> },
          { header: intl.t('inventory.sku'), cell: (p) => p.variants.map((v) => v.sku).join(', ') },
          {
            header: intl.t('channels.status'),
            cell: (p) => <Pill tone={p.status === 'active' ? 'ok' : 'warn'}>{p.status}</Pill>,
          },
          {
            header: intl.t('catalog.listings'),
            cell: (p) => (
              <button type="button" className="link" onClick={() => setSelected(p.id)}>
                {intl.t('catalog.showListings')}
                <span className="visually-hidden"> {title(p)}</span>
              </button>
            ),
          },
        ]}
      />
      <TillFavouritesEditor />
    </section>
  );
}

export function Listings({
  productId,
  title,
  channels,
  onClose,
}: {
  productId: string;
  title: string;
  channels: ReadonlyArray<{ id: string; code: string; name: string }>;
  onClose?(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const action = useAction();
  const listings = useLoad(
    () => ok(api.GET('/api/catalog/products/{id}/listings', { params: { path: { id: productId } } })),
    [productId],
  );
  const publish = (channel: string, published: boolean) =>
    action.run(async () => {
      await ok(
        api.PUT('/api/channels/{channel}/listings/{product}', {
          params: { path: { channel, product: productId } },
          body: { published },
        }),
      );
      listings.reload();
    });
  const listed = (channelId: string) => listings.data?.items.find((l) => l.channelId === channelId);

  return (
    <div className="panel" data-testid="listings">
      <div className="spread">
        <h2>{intl.t('catalog.listingsOf', { title })}</h2>
        {onClose ? (
          <button type="button" className="secondary" onClick={onClose}>
            {intl.t('catalog.close')}
          </button>
        ) : null}
      </div>
      {action.notices}
      <DataTable
        rows={channels}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-listing': c.code })}
        columns={[
          { header: intl.t('channels.name'), cell: (c) => c.name },
          {
            header: intl.t('catalog.published'),
            cell: (c) => (
              <label>
                <input
                  type="checkbox"
                  checked={listed(c.id)?.published ?? false}
                  disabled={!listings.data}
                  onChange={(e) => publish(c.id, e.target.checked)}
                />{' '}
                <span className="visually-hidden">{intl.t('catalog.publishOn', { channel: c.name })}</span>
                {listed(c.id)?.published ? intl.t('catalog.listed') : intl.t('catalog.hidden')}
              </label>
            ),
          },
          { header: intl.t('catalog.channelTitle'), cell: (c) => listed(c.id)?.title ?? '–' },
        ]}
      />
    </div>
  );
}
