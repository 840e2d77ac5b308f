#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `omnihub` works without a build step. tsx is registered in
// THIS process (no child process): a SIGTERM from a process manager or a test reaches the hub itself
// and stops it cleanly, instead of killing a wrapper and leaving the hub running.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
