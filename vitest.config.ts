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
    // One more try for a test that failed: many test files share one PostgreSQL server, and a
    // transaction of another file's database that ends between the event log's two looks at the read
    // horizon holds a read back for a moment, by design (a lone hub's database never meets it). Tests
    // that read the log right after their own write met that moment in 2 of 3 clean-clone runs on
    // 12-07 (event-schemas, shared-log-window); readWrittenEvents waits it out where it is used. A test
    // that fails twice still fails the run.
    retry: 1,
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
