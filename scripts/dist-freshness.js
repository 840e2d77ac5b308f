// Is dist/ (the compiled hub) older than the sources it was built from? Plain JavaScript, so both
// `scripts/build.ts --if-stale` and `bin/omnihub.js` (under plain node, before anything is compiled)
// ask the same question the same way.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @param {string} dir @returns {Generator<string>} */
function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** The file recording when dist/ was last built. */
export const buildStamp = (/** @type {string} */ root) => join(root, 'dist', '.build-stamp');

/**
 * Why dist/ under `root` is stale: the first source (or tsconfig) changed after the last build, or
 * that it was never built; null when it is up to date.
 * @param {string} root the package's directory
 * @returns {string | null}
 */
export function staleReason(root) {
  const stamp = buildStamp(root);
  if (!existsSync(stamp)) return 'dist/ was never built';
  const built = statSync(stamp).mtimeMs;
  const configs = ['tsconfig.json', 'tsconfig.build.json'].map((f) => join(root, f)).filter(existsSync);
  // Tests are not compiled into dist/: editing one leaves the build as it was.
  const sources = [...files(join(root, 'src'))].filter((f) => !f.endsWith('.test.ts'));
  for (const f of [...sources, ...configs]) {
    if (statSync(f).mtimeMs > built) return `${relative(root, f)} changed after the last build`;
  }
  return null;
}
