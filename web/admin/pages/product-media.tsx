// A product's pictures in the admin: upload (one or more files), alt text per locale, which variant
// a picture shows, order, removal. The hub makes every size and format; this page shows a small one.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, ErrorNotice, Loading, SelectField, TextField, useLoad } from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';

interface Props {
  productId: string;
  locales: string[];
  variants: Array<{ id: string; sku: string }>;
}

export function ProductMedia({ productId, locales, variants }: Props) {
  const intl = useIntl();
  const api = useApi();
  const images = useLoad(
    () => ok(api.GET('/api/catalog/products/{id}/media', { params: { path: { id: productId } } })),
    [productId],
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // The picture whose own request was refused: only its fields show the problem.
  const [failed, setFailed] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>, imageId: string | null = null) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    setFailed(null);
    try {
      await action();
      images.reload();
    } catch (err) {
      setError(err);
      setFailed(imageId);
    } finally {
      setBusy(false);
    }
  };
  const upload = (files: FileList | null) =>
    act(async () => {
      for (const file of Array.from(files ?? [])) {
        await ok(
          api.POST('/api/catalog/products/{id}/media', {
            params: { path: { id: productId }, query: { locale: 'en' } },
            body: file as never,
            bodySerializer: (b: unknown) => b as BodyInit,
            headers: { 'content-type': file.type || 'application/octet-stream' },
          }),
        );
      }
    });
  const list = images.data?.items ?? [];
  return (
    <section className="panel stack" aria-labelledby="media-title">
      <h2 id="media-title">{intl.t('media.title')}</h2>
      <label className="field">
        <span>{intl.t('media.upload')}</span>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          multiple
          disabled={busy}
          onChange={(e) => void upload(e.target.files)}
        />
        <small className="hint">{intl.t('media.hint')}</small>
      </label>
      <ErrorNotice error={error ?? images.error} />
      {images.loading && !images.data ? <Loading /> : null}
      {images.data && list.length === 0 ? <Empty>{intl.t('media.none')}</Empty> : null}
      <ol className="media-list">
        {list.map((img, i) => (
          <MediaRow
            key={`${img.id}:${img.position}:${JSON.stringify(img.alt)}:${img.variantId}`}
            n={i + 1}
            image={img}
            locales={locales}
            variants={variants}
            busy={busy}
            saved={saved === img.id}
            error={failed === img.id ? error : null}
            onSave={(patch) =>
              act(async () => {
                await ok(api.PATCH('/api/media/{id}', { params: { path: { id: img.id } }, body: patch }));
                setSaved(img.id);
              }, img.id)
            }
            onUp={
              i > 0
                ? () =>
                    act(async () => {
                      const before = list[i - 1]!;
                      await ok(
                        api.PATCH('/api/media/{id}', {
                          params: { path: { id: img.id } },
                          body: { position: before.position },
                        }),
                      );
                      await ok(
                        api.PATCH('/api/media/{id}', {
                          params: { path: { id: before.id } },
                          body: { position: img.position },
                        }),
                      );
                    })
                : null
            }
            onRemove={() =>
              act(() => ok(api.DELETE('/api/media/{id}', { params: { path: { id: img.id } } })))
            }
          />
        ))}
      </ol>
    </section>
  );
}

type Image = {
  id: string;
  position: number;
  alt: Record<string, string>;
  variantId: string | null;
  width: number;
};

function MediaRow(props: {
  n: number;
  image: Image;
  locales: string[];
  variants: Props['variants'];
  busy: boolean;
  saved: boolean;
  /** The refusal of this picture's last save, shown at the fields it names. */
  error: unknown;
  onSave(patch: { alt: Record<string, string>; variantId: string | null }): void;
  onUp: (() => void) | null;
  onRemove(): void;
}) {
  const intl = useIntl();
  const { image, n } = props;
  const [alt, setAlt] = useState<Record<string, string>>(image.alt);
  const [variantId, setVariantId] = useState(image.variantId ?? '');
  return (
    <li className="media-row" data-image={image.id}>
      <img src={`/media/${image.id}/160.jpeg`} alt={alt.en ?? Object.values(alt)[0] ?? ''} width={80} />
      <ProblemScope error={props.error}>
        <div className="stack">
          {props.locales.map((l) => (
            <TextField
              key={l}
              label={intl.t('media.alt', { locale: l })}
              field={`body.alt.${l}`}
              value={alt[l] ?? ''}
              onChange={(v) => setAlt({ ...alt, [l]: v })}
            />
          ))}
          <SelectField<string>
            label={intl.t('media.variant')}
            field="body.variantId"
            value={variantId}
            onChange={setVariantId}
            options={[
              { value: '', label: intl.t('media.allVariants') },
              ...props.variants.map((v) => ({ value: v.id, label: v.sku })),
            ]}
          />
          <div className="row">
            <button
              type="button"
              disabled={props.busy}
              onClick={() =>
                props.onSave({
                  alt: Object.fromEntries(Object.entries(alt).filter(([, v]) => v.trim())),
                  variantId: variantId || null,
                })
              }
            >
              {intl.t('media.save', { n })}
            </button>
            {props.onUp ? (
              <button type="button" className="secondary" disabled={props.busy} onClick={props.onUp}>
                {intl.t('media.moveUp', { n })}
              </button>
            ) : null}
            <button type="button" className="secondary" disabled={props.busy} onClick={props.onRemove}>
              {intl.t('media.remove', { n })}
            </button>
            {props.saved ? <span role="status">{intl.t('media.saved')}</span> : null}
          </div>
        </div>
      </ProblemScope>
    </li>
  );
}
