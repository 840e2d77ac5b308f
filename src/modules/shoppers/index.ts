// Shoppers: passwordless sign-in for customers. Emailed one-time codes (hashed, short-lived, few
// guesses) and the sessions they open, each bound to one customer profile (by id; the customers
// module owns profiles, the shopper-account flow resolves the email to one).
//
// For flows: issueSignInCode / consumeSignInCode (the code), openSession / findLiveSession /
// revokeSession / revokeSessionsOfProfiles (the session). Events: SHOPPER_EVENTS (shopper.signed_in,
// shopper.signed_out), payloads with ids only.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export {
  deleteEndedShopperRecords,
  findLiveSession,
  openSession,
  revokeSession,
  revokeSessionsOfProfiles,
  SESSION_POLICY,
  SHOPPER_TOKEN_PREFIX,
  type ShopperSession,
} from './sessions.js';
export { SHOPPER_EVENT_SCHEMAS, SHOPPER_EVENTS, type ShopperEventPayload } from './shoppers.events.js';
export { eraseShopperData, SHOPPERS_PERSONAL_DATA } from './shoppers-erasure.js';
export { consumeSignInCode, emailHashOf, issueSignInCode, SIGN_IN_CODE_POLICY } from './sign-in-codes.js';

export const shoppersMigrations: MigrationSet = {
  name: 'shoppers',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
