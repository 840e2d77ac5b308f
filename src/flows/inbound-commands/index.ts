// Hub commands from inbound connectors (order upsert/cancel, product upsert, stock set, customer
// upsert), validated, and carried out across the orders, catalog, inventory and customers modules.
export {
  applyInboundCommands,
  type CommandResult,
  type ImportOrderInput,
  type InboundCommandDeps,
  type InboundSource,
} from './apply-inbound-commands.flow.js';
export { InboundCommand, parseCommands } from './inbound-commands.js';
export { catalogProductUpsert, importedOrderCancel } from './module-adapters.js';
