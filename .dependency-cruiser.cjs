/**
 * The import rules of docs/architecture.md, checked by `npm test`:
 * kernel ← platform ← modules ← flows ← connectors ← app; a module never imports another module.
 */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'platform-only-kernel',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|flows|connectors|app|cli|event-catalog)' },
    },
    {
      name: 'module-not-another-module',
      comment: 'A module refers to another module’s records by id; it never imports it.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'modules-not-upwards',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(flows|connectors|app|cli|event-catalog)' },
    },
    {
      name: 'flows-not-upwards',
      severity: 'error',
      from: { path: '^src/flows/' },
      to: { path: '^src/(connectors|app|cli|event-catalog)' },
    },
    {
      name: 'connectors-not-upwards',
      severity: 'error',
      from: { path: '^src/connectors/' },
      to: { path: '^src/(app|cli|event-catalog)' },
    },
    {
      name: 'modules-through-their-index',
      comment: 'Outside a module, use its public surface (index.ts), not its internals.',
      severity: 'error',
      from: { path: '^src/(flows|connectors|app\\.ts|app/|cli\\.ts|event-catalog\\.ts|platform)' },
      to: { path: '^src/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
