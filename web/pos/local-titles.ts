// The till's cart lines in the page's language (see ui/local-titles.ts), on the till's channel.
import { useChannelTitles } from '../ui/local-titles.ts';
import { useTill } from './pos-app.tsx';

/** sku → its title in the page's language, or undefined until known (then the cart's title). */
export function useLocalTitles(skus: string[]): (sku: string) => string | undefined {
  const { channel } = useTill();
  return useChannelTitles(channel.id, skus);
}
