// Generates SQL migrations with drizzle-kit for every owner of tables: the platform and each module.
// Usage: npm run db:generate [-- <owner>] (owner = platform or a module folder name).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const only = process.argv[2];
const owners: Array<{ name: string; schema: string; out: string }> = [
  { name: 'platform', schema: 'src/platform/**/*.schema.ts', out: 'src/platform/migrations' },
];
for (const m of readdirSync(join(root, 'src/modules'))) {
  const dir = join('src/modules', m);
  if (!existsSync(join(root, dir)) || !readdirSync(join(root, dir)).some((f) => f.endsWith('.schema.ts')))
    continue;
  owners.push({ name: m, schema: `${dir}/*.schema.ts`, out: `${dir}/migrations` });
}
for (const o of owners) {
  if (only && o.name !== only) continue;
  console.log(`· ${o.name}`);
  execFileSync(
    join(root, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--dialect', 'postgresql', '--schema', o.schema, '--out', o.out],
    { cwd: root, stdio: 'inherit' },
  );
}
