// Consent for everything that sends or forwards: the customers module's consent state and its one
// decision function (mayContact), offered to the integration layer (outbound webhooks and workflow
// rule actions with a purpose), which cannot import the customers module itself.
import { type CustomersService, mayContact } from '../../modules/customers/index.js';
import type { ContactConsentPort } from '../../modules/integrations/index.js';

export function contactConsentPort(customers: Pick<CustomersService, 'consentState'>): ContactConsentPort {
  return {
    consentState: (ctx, customerId) => customers.consentState(ctx, customerId),
    decide: (entries, purpose, channel, at, suppressedAt) =>
      mayContact(entries, purpose, channel, at, suppressedAt),
  };
}
