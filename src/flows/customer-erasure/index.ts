// GDPR across every module that holds a customer's data: erasure, export, the regulation API, and
// the registry of personal columns.
export {
  type CustomerErasureDeps,
  type CustomerErasureFlow,
  type CustomerErasureReceipt,
  createCustomerErasureFlow,
} from './customer-erasure.flow.js';
export { type CustomerExportFlow, createCustomerExportFlow } from './customer-export.flow.js';
export { PERSONAL_DATA_REGISTRY } from './personal-data-registry.js';
export {
  createRegulationsFlow,
  REGULATION_TYPES,
  type RegulationReceipt,
  type RegulationsFlow,
  type RegulationType,
} from './regulations.flow.js';
export { regulationsRoutes } from './regulations.routes.js';
