// Vitest setup: every test process knows every event's payload schema, so the event log checks each
// appended event (NODE_ENV=test turns checking on) even in module tests that never build a hub.
import { ALL_EVENT_SCHEMAS } from '../../src/event-catalog.js';
import { registerEventSchemas } from '../../src/platform/events/event-schemas.js';

registerEventSchemas(ALL_EVENT_SCHEMAS);
