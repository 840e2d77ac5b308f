// Builds the hub (src/ → dist/) so `npm start` and the `omnihub` bin run plain JavaScript under
// node: no TypeScript compiler in the serving process, and one process (a SIGTERM reaches the hub
// itself). The hub is bundled (esbuild, with source maps) into dist/cli.js and the chunks it loads at
// a command's first use: Node then reads, resolves and compiles a few modules instead of ~500, a
// large share of a cold start, and a cluster's primary loads none of the hub's modules. The packages
// every start loads are bundled too (~1,260 files fewer to resolve, read and compile); those in
// OUTSIDE_THE_BUNDLE stay in node_modules (native code, WebAssembly and files they find beside
// themselves, and the ones loaded only when a feature is configured). Files
// that are not TypeScript (the modules' migrations, the MJML worker thread's script) are copied where
// the sources have them, and each module's `import.meta.url` is rewritten to the place its file
// would have in dist/, so a module finds its migrations, the MJML worker, the database image and
// the web apps as it does from the sources.
// Without esbuild the build falls back to tsc (one file per source, as before).
// Usage: tsx scripts/build.ts [--if-stale] [--tolerant]
//   --if-stale: build only when a source is newer than the last build (prestart);
//   --tolerant: a failed build warns instead of failing (postinstall; prestart builds again).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { buildStamp, staleReason } from './dist-freshness.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = buildStamp(root);
const IMAGE = join(dist, 'pglite-migrated.tar.gz');

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Empties dist/ but for the database image (remade only when the migrations change). */
function cleanDist(): void {
  if (!existsSync(dist)) return;
  for (const name of readdirSync(dist))
    if (!name.startsWith('pglite-migrated.tar.gz'))
      rmSync(join(dist, name), { recursive: true, force: true });
}

/**
 * Packages left in node_modules, each for a reason the bundle cannot keep: files found beside the
 * package's own (`__dirname`, `require.resolve`), native code, or a package loaded only when a
 * feature is configured (it costs a start nothing, and its own tests run it as it is published).
 */
const OUTSIDE_THE_BUNDLE = [
  '@electric-sql/pglite', // its WebAssembly, data and extension archives beside its files
  '@fastify/swagger-ui', // serves the static files in its own folder
  'pino', // transports start worker threads from files beside its own
  'mjml', // required by the MJML worker thread's script (copied, not bundled)
  'sharp', // native code
  'pg', // PostgreSQL only; its optional native binding is looked up at run time
  '@nats-io/jetstream', // the NATS relay: loaded when NATS is configured
  '@nats-io/transport-node',
  'nodemailer', // SMTP delivery, SMTP intake and web push: loaded when used
  'mailparser',
  'smtp-server',
  'web-push',
  'cli-progress', // the import command's progress bar
  'esbuild', // build-time tools the hub never loads while serving
  'vite',
];
const outsideTheBundle = (spec: string): boolean =>
  OUTSIDE_THE_BUNDLE.some((name) => spec === name || spec.startsWith(`${name}/`));

/** dist/cli.js and the chunks it imports; false when esbuild is not installed. */
async function bundle(): Promise<boolean> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  const importMetaUrl = /\bimport\.meta\.url\b/g;
  await esbuild.build({
    // The image's unpacking worker is an entry of its own, where pglite-image-files.ts looks for it.
    entryPoints: [join(src, 'cli.ts'), join(src, 'platform/db/pglite-image.worker.ts')],
    outbase: src,
    outdir: dist,
    bundle: true,
    // What a command loads at first use is a chunk of its own: a cluster's primary loads no modules.
    splitting: true,
    external: OUTSIDE_THE_BUNDLE.flatMap((name) => [name, `${name}/*`]),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    // No keepNames: it wraps every named function, closures made per request included, in a call that
    // redefines its `name` (in a profile of the hot-SKU bench, 5% of the hub's CPU once the packages
    // were bundled). Nothing reads a function's name: error classes set `name` themselves, and stack
    // traces are mapped back to the sources.
    logLevel: 'warning',
    // `require` for the CommonJS packages imported through it (see commonJsPackagesRequired).
    banner: {
      js: "import { createRequire as __omnihubRequire } from 'node:module'; const require = __omnihubRequire(import.meta.url);",
    },
    plugins: [
      commonJsPackagesRequired(),
      {
        name: 'import-meta-url-per-file',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, (args) => {
            if (!args.path.startsWith(src)) return undefined;
            const text = readFileSync(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            const own = `./${relative(src, args.path).replace(/\.ts$/, '.js')}`;
            return {
              contents: text.replace(importMetaUrl, `new URL(${JSON.stringify(own)}, import.meta.url).href`),
              loader: 'ts',
            };
          });
        },
      },
    ],
  });
  // One-byte source: V8 keeps a script's source in memory, and a file with any character beyond
  // Latin-1 (an ellipsis in a comment or in the chat widget's text) twice as large (UTF-16, ~1.5 MB
  // more per process). Escaped, every string means the same; only comments read differently.
  for (const name of readdirSync(dist)) {
    if (!name.endsWith('.js')) continue;
    const text = readFileSync(join(dist, name), 'utf8');
    const ascii = text.replace(/[^ -~\t\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (ascii !== text) writeFileSync(join(dist, name), ascii);
  }
  return true;
}

/**
 * A CommonJS-only package left outside the bundle is required instead of imported: Node's ESM loader
 * reads a CommonJS module's source through cjs-module-lexer to find its named exports before it runs
 * it (~100 ms of a start for fastify, @fastify/static and jsonata when they were outside). The bundle
 * reads the exports off `module.exports` itself (esbuild's interop, with the default export being
 * `module.exports` as in Node). Packages with an ESM entry (an `import` condition or `"type":
 * "module"`) stay imports.
 */
function commonJsPackagesRequired(): import('esbuild').Plugin {
  const commonJsOnly = (spec: string, resolveDir: string): boolean => {
    let file: string;
    try {
      file = createRequire(join(resolveDir, 'importer.js')).resolve(spec);
    } catch {
      return false;
    }
    if (!file.endsWith('.js') && !file.endsWith('.cjs')) return false;
    for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      if (!pkg.name) continue; // a nested package.json that only sets "type"
      return pkg.type !== 'module' && !JSON.stringify(pkg.exports ?? {}).includes('"import"');
    }
    return false;
  };
  return {
    name: 'commonjs-packages-required',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.namespace === 'commonjs-package') return { path: args.path, external: true };
        if (args.kind !== 'import-statement' || !outsideTheBundle(args.path)) return undefined;
        if (!commonJsOnly(args.path, args.resolveDir)) return undefined;
        return { path: args.path, namespace: 'commonjs-package' };
      });
      build.onLoad({ filter: /.*/, namespace: 'commonjs-package' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

if (process.argv.includes('--if-stale') && staleReason(root) === null) process.exit(0);
try {
  cleanDist();
  if (!(await bundle())) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
  let copied = 0;
  for (const f of files(src)) {
    if (f.endsWith('.ts')) continue;
    const to = join(dist, relative(src, f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
    copied++;
  }
  // A fresh embedded database starts from this image (see src/platform/db/pglite-image.ts).
  const { writeDatabaseImage } = await import('../src/platform/db/pglite-image.js');
  const { ALL_MIGRATIONS } = await import('../src/app/database.js');
  if (await writeDatabaseImage(ALL_MIGRATIONS, IMAGE))
    console.log('made the migrated embedded database image (dist/pglite-migrated.tar.gz)');
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`hub built into dist/ (${copied} files copied: migrations, the MJML worker)`);
} catch (err) {
  console.error('The hub could not be built:', err instanceof Error ? err.message : err);
  if (!process.argv.includes('--tolerant')) process.exit(1);
  console.error('`npm start` builds it again; `npm run build` shows the errors.');
}
