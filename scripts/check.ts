// `npm run check`: the type checks (hub and web apps), lint and format, and the architecture's import
// rules, side by side: one after another they took ~70 s of the test command on two cores, mostly
// tsc waiting on one core. Each tool's output is printed whole, under its name, once it ends; the
// check fails when any of them does.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

const CHECKS: Array<{ name: string; command: string; args: string[] }> = [
  { name: 'types (hub, tests, bench)', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'types (web apps)', command: bin('tsc'), args: ['--noEmit', '-p', 'web'] },
  { name: 'lint and format', command: bin('biome'), args: ['check', '.'] },
  { name: 'import rules', command: bin('depcruise'), args: ['src', '--config', '.dependency-cruiser.cjs'] },
];

function run(check: (typeof CHECKS)[number]): Promise<{ name: string; ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(check.command, check.args, { cwd: root, env: { ...process.env, FORCE_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const done = (ok: boolean, note = '') => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ name: `${check.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s${note}`, ok, output });
    };
    child.on('error', (err) => done(false, ` (${err.message})`));
    child.on('close', (code, signal) => done(code === 0, signal ? ` (${signal})` : ''));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const r of results) {
  console.log(`\n== ${r.name}`);
  if (r.output.trim()) console.log(r.output.trimEnd());
}
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`\ncheck failed: ${failed.map((r) => r.name.split(':')[0]).join(', ')}`);
  process.exit(1);
}
