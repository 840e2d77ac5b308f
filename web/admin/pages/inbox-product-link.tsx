// Linking a product in a reply: the agent types words, picks one of the products listed on the
// storefront of the conversation's channel (the hub chooses it: where the customer chatted from,
// else the web shop), and its page's address goes into the reply text.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok, type paths } from '../../ui/api.ts';
import { TextField } from '../../ui/components.tsx';
import { useSession } from '../../ui/key-gate.tsx';

type Links =
  paths['/api/inbox/conversations/{id}/product-links']['get']['responses'][200]['content']['application/json'];

export function ProductLinkPicker({
  conversationId,
  run,
  onInsert,
}: {
  conversationId: string;
  run(action: () => Promise<void>): Promise<boolean>;
  onInsert(url: string): void;
}) {
  const intl = useIntl();
  const { api } = useSession();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Links | null>(null);
  const search = () =>
    run(async () => {
      setFound(
        await ok(
          api.GET('/api/inbox/conversations/{id}/product-links', {
            params: { path: { id: conversationId }, query: { q } },
          }),
        ),
      );
    });
  return (
    <fieldset className="stack" aria-label={intl.t('productLink.title')}>
      <legend>{intl.t('productLink.title')}</legend>
      {/* Inside the reply form: Enter here searches instead of sending the reply. */}
      <search
        className="row"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          void search();
        }}
      >
        <TextField label={intl.t('productLink.search')} value={q} onChange={setQ} field="query.q" />
        <button type="button" className="secondary" disabled={!q.trim()} onClick={() => void search()}>
          {intl.t('productLink.find')}
        </button>
      </search>
      {found ? (
        <>
          <p className="hint">{intl.t('productLink.on', { channel: found.channel.name })}</p>
          {found.items.length === 0 ? <p className="hint">{intl.t('productLink.none')}</p> : null}
          <ul className="plain row">
            {found.items.map((p) => (
              <li key={p.productId}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    onInsert(p.url);
                    setFound(null);
                    setQ('');
                  }}
                >
                  {intl.t('productLink.insert', { title: p.title })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}
