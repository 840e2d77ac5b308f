// Generates the web apps' API types (web/ui/api-types.ts) from the hub's own OpenAPI document: a
// hub is built in-process on an in-memory database, so no server has to run.
// Usage: npm run web:api-types (after changing any route schema).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { createHub, createLogger } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'web/ui/api-types.ts');

const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
const hub = await createHub({
  config: { ...loadConfig({}), demo: false, natsUrl: undefined, databaseUrl: undefined, port: 0 },
  log: createLogger('warn'),
  database,
});
await hub.http.ready();
const document = hub.http.swagger() as Parameters<typeof openapiTS>[0];
const ast = await openapiTS(document, { alphabetize: true });
const header =
  '// Generated from the hub’s /openapi.json by scripts/generate-web-api-types.ts. Do not edit.\n';
writeFileSync(out, header + astToString(ast));
await hub.close();
await database.close();
execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', out], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`wrote ${out}`);
