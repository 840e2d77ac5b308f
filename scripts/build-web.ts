// Builds the web apps (web/ → web/dist) with Vite. Runs after `npm install` and before `npm start`
// (only when the build is missing), so a fresh clone needs no extra step.
// Usage: tsx scripts/build-web.ts [--if-missing] [--tolerant]
//   --tolerant: a failed build warns instead of failing the install (the hub then answers the app
//   routes with a problem+json explaining how to build).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..');
const ifMissing = process.argv.includes('--if-missing');
const tolerant = process.argv.includes('--tolerant');

if (ifMissing && existsSync(join(root, 'web/dist/admin/index.html'))) process.exit(0);
try {
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  console.log('web apps built into web/dist (served at /admin, /store/<channel>, /pos/<store>)');
} catch (err) {
  console.error('The web apps could not be built:', err instanceof Error ? err.message : err);
  if (!tolerant) process.exit(1);
  console.error('The hub still runs; build them later with `npm run web:build`.');
}
