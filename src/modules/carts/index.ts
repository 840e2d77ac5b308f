// Carts: one cart that follows the customer across devices and channels (profile or anonymous id),
// with handoff codes for the till, repricing on channel change and merge strategies on identify.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { holdStatusOf } from './cart-holds.js';
export { planMerge } from './cart-merge.js';
export { CART_TOKEN_PREFIX, cartTokenMatches, newCartToken } from './cart-token.js';
export { CART_EVENT_SCHEMAS, CART_EVENTS, type CartEventPayload, TILL_SALE_EVENTS } from './carts.events.js';
export type { CartsService, NewCart, NewLine } from './carts.interface.js';
export {
  cartFacts,
  createCartsService,
} from './carts.service.js';
export * from './carts.types.js';
export {
  CARTS_PERSONAL_DATA,
  type CartsErasure,
  eraseCartsOfCustomer,
  exportCartsOfCustomer,
} from './carts-erasure.js';
export { activeCartStats, ChannelCartStats, cartStatsRoutes } from './carts-stats.js';
export { type CartCrossingFigures, type CartCrossings, cartCrossingFigures } from './crossing-figures.js';
export { newHandoffCode, parseHandoff, qrPayload } from './handoff-code.js';
export { checkPostalCode, POSTAL_CODES } from './postal-codes.js';
export {
  type TillSaleRecord,
  TillSaleStatus,
  type TillSalesService,
} from './till-sales.js';

export const cartsMigrations: MigrationSet = {
  name: 'carts',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
