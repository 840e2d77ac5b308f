// One wallet per customer on every channel, composed from the wallet module with checkout and
// payments: wallet tenders at checkout, balances for the account page, the till and the admin, and
// the ledger consumer (points on paid orders, reversals and refunds onto the wallet, store credit).
export { createWalletFlow, type WalletFlow, type WalletFlowDeps } from './wallet.flow.js';
export { walletRoutes } from './wallet.routes.js';
export {
  startWalletBackground,
  startWalletLedger,
  WALLET_LEDGER_EVENT_TYPES,
} from './wallet-ledger.consumer.js';
export {
  codeCallerKey,
  createWalletTenders,
  WALLET_PROVIDER_NAMES,
  WALLET_PROVIDER_OF,
  walletProviders,
} from './wallet-tenders.js';
