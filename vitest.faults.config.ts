// `npm run test:faults`: the multi-node fault tests (kill -9, PostgreSQL restarts, NATS outages),
// each on private PostgreSQL and NATS servers it starts itself. One file at a time: each runs
// several hub processes, and the machine has few cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    setupFiles: ['./test/helpers/event-contracts.setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
