// GDPR erasure across every module that holds a customer's data, and the registry of those columns.
export {
  type CustomerErasureDeps,
  type CustomerErasureFlow,
  type CustomerErasureReceipt,
  createCustomerErasureFlow,
} from './customer-erasure.flow.js';
export { PERSONAL_DATA_REGISTRY } from './personal-data-registry.js';
