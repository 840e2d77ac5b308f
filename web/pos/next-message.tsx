// What to tell the sale's customer now (an order waiting for pickup, a cart left on another
// channel, a tier close, a product for them), beside their wallet.
import { useIntl } from '../i18n/index.tsx';
import { ok } from '../ui/api.ts';
import { useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { NextMessageCard } from '../ui/next-message.tsx';

export function TillNextMessage({ cartId, customerId }: { cartId: string; customerId: string }) {
  const intl = useIntl();
  const api = useApi();
  const answer = useLoad(
    () =>
      ok(
        api.GET('/api/carts/{id}/next-message', {
          params: { path: { id: cartId }, query: { locale: intl.lang } },
        }),
      ),
    [cartId, customerId, intl.lang],
  );
  return <NextMessageCard answer={answer.data} heading="nbm.tillHeading" />;
}
