// The signed-in shopper's next best message on this shop (pickup ready, their open cart, a tier
// close, a product for them), following their orders and wallet live.
import { ok } from '../ui/api.ts';
import { useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { NextMessageCard } from '../ui/next-message.tsx';
import { useLiveEvents } from '../ui/use-live.ts';

export function MyNextMessage({ channelId, locale }: { channelId: string; locale: string | undefined }) {
  const api = useApi();
  const answer = useLoad(
    () =>
      ok(
        api.GET('/api/me/next-message', {
          params: { query: { channel: channelId, ...(locale ? { locale } : {}) } },
        }),
      ),
    [channelId, locale],
  );
  useLiveEvents(['order.*', 'wallet.*'], () => answer.reload(), { shopper: true });
  return <NextMessageCard answer={answer.data} heading="nbm.heading" />;
}
