// Inbound connectors on the wire: the receipt route (verify raw bytes, dedupe, store, answer fast),
// the processor that translates stored deliveries into hub commands from the event log, dry runs.
export { WIRE_ADAPTERS } from './adapters.js';
export { inboundDryRunRoutes } from './dry-run.routes.js';
export { type InboundProcessorDeps, processInboundDelivery, startInboundProcessor } from './processor.js';
export { inboundReceiptRoutes } from './receipt.routes.js';
export { toMinorUnits, verifyBase64Hmac, type WireAdapter } from './wire-adapter.js';
