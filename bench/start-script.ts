// The node flags `npm start` gives the hub (package.json's start script), so a bench that spawns the
// compiled hub measures the process `npm start` runs, not a differently tuned one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function startScriptNodeFlags(root = join(import.meta.dirname, '..')): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`package.json's start script runs no node: ${pkg.scripts.start}`);
  const flags: string[] = [];
  for (const word of words.slice(node + 1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}
