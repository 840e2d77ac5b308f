// The shopper's own account: passwordless sign-in (shoppers module for codes and sessions, customers
// module to resolve the verified email to one profile) and the /me reads and writes (customers,
// orders). shopperSessionResolver() is the credential resolver the platform's auth hook calls.
export { createMyAccountFlow, type MyAccountFlow } from './my-account.flow.js';
export {
  myAccountRoutes,
  type ShopperAccountRouteDeps,
  shopperSignInRoutes,
} from './shopper-account.routes.js';
export {
  SHOPPER_COOKIE,
  SHOPPER_SCOPES,
  shopperSessionOf,
  shopperSessionResolver,
} from './shopper-credentials.js';
export { createSignInFlow, type SignInFlow } from './sign-in.flow.js';
