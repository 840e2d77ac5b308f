// Wallet: one wallet per customer on every channel. Loyalty points (earned by rules, tiers, redeemed
// as a tender, reversed on refunds), gift cards and store credit, all on ONE append-only ledger whose
// balances never go below zero. Flows compose it with checkout and payments (flows/wallet).
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { type WalletChannelUse, walletChannelUse } from './channel-figures.js';
export type { EarnRequest } from './earn-decision.js';
export * from './loyalty-rules.js';
export { WALLET_EVENT_SCHEMAS, WALLET_EVENTS, type WalletEventPayload } from './wallet.events.js';
export {
  CODE_LOOKUP_LIMIT,
  CODE_LOOKUP_WINDOW_MS,
  createWalletService,
  hashCode,
  insufficientBalance,
  normalizeCode,
} from './wallet.service.js';
export * from './wallet.types.js';
export { eraseWalletOfCustomer, WALLET_PERSONAL_DATA } from './wallet-erasure.js';
export type { Credit, Debit, WalletService } from './wallet-service.types.js';

export const walletMigrations: MigrationSet = {
  name: 'wallet',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
