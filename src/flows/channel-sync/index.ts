// Outbound channel sync across modules: events → coalesced queue items per connection; full resync;
// the current truth of a SKU on a channel (the canonical item) and its per-connection transform.

export {
  type AuditResult,
  ackValueOf,
  type ConnectionAudit,
  DRIFT_KINDS,
  type DriftFinding,
  type DriftKind,
  type ReadRemote,
  type RemoteState,
  runAudit,
} from './audit.js';
export { applyTransform, type CanonicalItem, decimalAmount } from './canonical-items.js';
export type { ChannelSyncFlowDeps } from './channel-sync.deps.js';
export {
  type AuditSummary,
  type ChannelSyncFlow,
  createChannelSyncFlow,
  type PreparedItem,
  startChannelSyncEnqueuer,
} from './channel-sync.flow.js';
export { CHANNEL_SYNC_EVENT_TYPES } from './dirty-items.js';
export { AUDIT_LEASE_MS, auditRecordOf } from './scheduled-audit.js';
