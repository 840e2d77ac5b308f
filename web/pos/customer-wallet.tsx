// The customer at the counter: their wallet (points and tier, store credit, gift cards), read with the
// till's key for a customer found by card, phone, email or the cart's owner. A till without the
// wallet scope, or a customer this store has not seen yet, shows nothing.
import { ok } from '../ui/api.ts';
import { useLoad } from '../ui/components.tsx';
import { useApi } from '../ui/key-gate.tsx';
import { useLiveEvents } from '../ui/use-live.ts';
import { WalletCard } from '../ui/wallet-card.tsx';

export function TillCustomerWallet({ customerId }: { customerId: string }) {
  const api = useApi();
  const wallet = useLoad(
    () => ok(api.GET('/api/customers/{id}/wallet', { params: { path: { id: customerId } } })),
    [customerId],
  );
  useLiveEvents(['wallet.*', 'loyalty.*'], () => wallet.reload());
  if (!wallet.data) return null;
  return <WalletCard wallet={wallet.data} />;
}
