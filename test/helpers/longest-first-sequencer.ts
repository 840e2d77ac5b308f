// Starts the files that took longest first, so a long file never starts near the end of the run while
// the other workers have nothing left (longest-processing-time-first). Vitest orders by the durations
// it cached from earlier runs, but a clean clone (CI) has none, and then it orders by file size: the
// small slow files (image builds, hub processes, browsers) started last and made the tail. The
// durations of a full run are kept in test/file-durations.json (seconds); `npm run test:durations`
// refreshes them from Vitest's cache after a full run. A file not listed (a new one) starts first.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const FILE_DURATIONS_PATH = join(import.meta.dirname, '..', 'file-durations.json');
const ROOT = join(import.meta.dirname, '../..');

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds: Record<string, number> = JSON.parse(readFileSync(FILE_DURATIONS_PATH, 'utf8'));
    const took = (f: TestSpecification) =>
      seconds[relative(ROOT, f.moduleId).split('\\').join('/')] ?? Number.POSITIVE_INFINITY;
    // Stable: files without a figure keep Vitest's own order among themselves.
    return (await super.sort(files)).sort((a, b) => took(b) - took(a) || 0);
  }
}
