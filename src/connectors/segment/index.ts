// Segment-compatible ingestion: the Segment HTTP tracking API on /v1/*, translated into the
// customers module's events. Existing analytics client libraries work by pointing their host here.
export { segmentRoutes } from './segment.routes.js';
export { externalIdType, fromSegment, MAX_BATCH_BYTES, MAX_EVENT_BYTES, writeKeyOf } from './segment.wire.js';
