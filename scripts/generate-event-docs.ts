// Writes docs/events.md from the event schemas: `npm run docs:events` (test/event-catalogue.test.ts
// fails while the committed file is out of date).
import { writeFileSync } from 'node:fs';
import { renderEventCatalogue } from './event-catalogue.js';

const target = new URL('../docs/events.md', import.meta.url);
writeFileSync(target, renderEventCatalogue());
console.log(`wrote ${target.pathname}`);
