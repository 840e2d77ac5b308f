// Hub commands from inbound connectors (order upsert/cancel, product upsert, stock set, customer
// upsert), validated, and carried out across the orders, catalog, inventory and customers modules.
export {
  applyInboundCommands,
  applyOrderBatch,
  type CommandResult,
  type ImportOrderInput,
  type ImportOrderOutcome,
  type InboundCommandDeps,
  type InboundSource,
} from './apply-inbound-commands.flow.js';
export { InboundCommand, type OrderUpsertCommand, parseCommands } from './inbound-commands.js';
export { catalogProductUpsert, importedOrderCancel } from './module-adapters.js';
