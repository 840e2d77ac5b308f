#!/usr/bin/env node
// The `omnihub` command. Runs the compiled hub (dist/, made by `npm run build`, `npm install` and
// `npm start`) with plain node. In a source checkout that was never built it falls back to the
// TypeScript sources through tsx, registered in THIS process (no child process): either way a
// SIGTERM from a process manager or a test reaches the hub itself and stops it cleanly.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (existsSync(compiled) && process.env.OMNIHUB_FROM_SOURCE !== '1') {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
