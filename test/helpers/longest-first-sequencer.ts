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
    const longestFirst = (await super.sort(files)).sort((a, b) => took(b) - took(a) || 0);
    return spreadOut(longestFirst, (f) => BROWSER_SUITE.test(relative(ROOT, f.moduleId)));
  }
}

/** A browser suite: a hub with the demo retailer and Chromium's processes beside the worker. */
const BROWSER_SUITE = /(^|[\\/])browser-[^\\/]*\.test\.ts$/;

/**
 * Keeps the heavy files (browser suites) at least `gap` places apart where the others allow, each
 * moved later only as far as needed: longest-first put all of them at the start, so the three workers
 * each ran one Chromium and one demo hub at the same time on two cores.
 */
export function spreadOut<T>(ordered: T[], heavy: (item: T) => boolean, gap = 3): T[] {
  const out: T[] = [];
  const deferred: T[] = [];
  let sinceHeavy = gap;
  for (const item of ordered) {
    if (heavy(item)) deferred.push(item);
    else {
      out.push(item);
      sinceHeavy++;
    }
    if (deferred.length > 0 && sinceHeavy >= gap) {
      out.push(deferred.shift()!);
      sinceHeavy = 1;
    }
  }
  // Too few light files left to keep them apart: the rest in their order.
  return [...out, ...deferred];
}
