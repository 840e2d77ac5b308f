// The platform's own tables: the event log and cursors, API keys, idempotency keys, hub metadata.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from './db/migrate.js';

export const platformMigrations: MigrationSet = {
  name: 'platform',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
