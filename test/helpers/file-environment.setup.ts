// Vitest setup, run before every test file: test files share their worker's process and module
// cache (isolate: false in vitest.config.ts, which saves re-importing the hub for each file), so a
// file that sets OMNIHUB_* variables at its top must not hand them to the next file in that worker.
// The environment as the worker started is kept once and put back before each file.
const kept = globalThis as typeof globalThis & { __omnihubWorkerEnv?: Record<string, string | undefined> };
kept.__omnihubWorkerEnv ??= { ...process.env };
const start = kept.__omnihubWorkerEnv;
for (const name of Object.keys(process.env)) if (!(name in start)) delete process.env[name];
for (const [name, value] of Object.entries(start)) if (value !== undefined) process.env[name] = value;
