// The live event stream (Server-Sent Events at /api/stream): one log reader per process fanning out
// to every connected client, with type filters, channel scoping and Last-Event-ID resume.
export {
  type EventStreamHub,
  loadStreamConfig,
  matchesFilter,
  type StreamFilter,
  type StreamSlot,
  sseFrame,
  startEventStreamHub,
} from './event-stream.js';
export { openSseResponse } from './sse-response.js';
export { type StreamRouteOptions, streamRoutes } from './stream.routes.js';
