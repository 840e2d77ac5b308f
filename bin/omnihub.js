#!/usr/bin/env node
// The `omnihub` command. Runs the compiled hub (dist/, made by `npm run build`, `npm install` and
// `npm start`) with plain node. In a source checkout that was never built it falls back to the
// TypeScript sources through tsx, registered in THIS process (no child process): either way a
// SIGTERM from a process manager or a test reaches the hub itself and stops it cleanly.
// In a checkout (src/ present) a dist/ older than the sources is refused: it would run code that is
// no longer there. An installed package without src/ runs its dist/ as it is.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (existsSync(compiled) && process.env.OMNIHUB_FROM_SOURCE !== '1') {
  if (existsSync(new URL('../src', import.meta.url))) {
    const { staleReason } = await import('../scripts/dist-freshness.js');
    const why = staleReason(fileURLToPath(new URL('..', import.meta.url)));
    if (why) {
      console.error(
        `omnihub: the compiled hub in dist/ is older than the sources (${why}).\n` +
          'Run `npm run build` first, or set OMNIHUB_FROM_SOURCE=1 to run the sources through tsx.',
      );
      process.exit(1);
    }
  }
  // The hub is one bundle: stack traces name source files and lines through its source maps.
  process.setSourceMapsEnabled(true);
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
