// Ingestion sources (write keys) of the customers module, created for channels that exist.
export {
  type CustomerSourcesDeps,
  type CustomerSourcesFlow,
  createCustomerSourcesFlow,
} from './customer-sources.flow.js';
export { customerSourcesRoutes } from './customer-sources.routes.js';
