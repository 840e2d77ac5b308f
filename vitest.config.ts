import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/helpers/longest-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // The fault tests run on their own servers through `npm run test:faults` (.ci/run calls it).
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    // The environment each file starts with, and every event's payload schema registered (the event
    // log checks appended events in tests).
    setupFiles: ['./test/helpers/file-environment.setup.ts', './test/helpers/event-contracts.setup.ts'],
    // Starting databases (PGlite images, a PostgreSQL template) made once per run, copied by each suite.
    globalSetup: ['./test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Three on two cores: the suite waits on PostgreSQL, timers and Chromium about half the time.
    maxWorkers: 3,
    // Files share their worker's module cache: importing the hub once per worker instead of once per
    // file was a sixth of the run's CPU. Each file still builds its own hubs and databases.
    isolate: false,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // The longest files first (test/file-durations.json), so none starts near the end of the run.
    sequence: { sequencer: LongestFirstSequencer },
  },
});
