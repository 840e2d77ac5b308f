// The bench spawns the compiled hub with the node flags of `npm start`, read from package.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startScriptNodeFlags } from '../bench/start-script.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const withStartScript = (start: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'omnihub-start-script-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { start } }));
  return dir;
};

describe('startScriptNodeFlags', () => {
  it('takes the flags between node and the entry, not the command’s own arguments', () => {
    const dir = withStartScript(
      'exec node --enable-source-maps --v8-pool-size=1 dist/cli.js serve --workers 2',
    );
    expect(startScriptNodeFlags(dir)).toEqual(['--enable-source-maps', '--v8-pool-size=1']);
  });

  it('refuses a start script that runs no node', () => {
    expect(() => startScriptNodeFlags(withStartScript('exec ./omnihub serve'))).toThrow(/runs no node/);
  });

  it('reads this repository’s start script', () => {
    expect(startScriptNodeFlags()).toContain('--enable-source-maps');
  });
});
