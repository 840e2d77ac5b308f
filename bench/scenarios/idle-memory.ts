// idle-memory: resident memory of the whole hub process tree (the primary and each worker) once it
// has started and sat idle, on an empty database or with the demo data (`--demo`). Target: under
// 300 MB on PGlite and under 200 MB on PostgreSQL. Needs the hub started by the bench (not --url).
import { processTreeRss } from '../cpu-usage.js';
import type { Scenario } from '../harness.js';

export const hubEnv = process.argv.includes('--demo') ? { OMNIHUB_DEMO: '1' } : {};

const scenario: Scenario = async (b) => {
  if (!b.hubPid) throw new Error('idle-memory reads the hub’s processes: run it without --url');
  const idleSeconds = Number(b.args.idle ?? 10);
  b.log(`idle for ${idleSeconds} s`);
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const processes = processTreeRss(b.hubPid);
  const total = processes.reduce((s, p) => s + p.rssBytes, 0);
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const target = b.db === 'pglite' ? 300 : 200;
  return {
    metric: 'idle_rss_mb',
    value: mb(total),
    unit: 'MB',
    p50_ms: 0,
    p99_ms: 0,
    correct: processes.length > 0 && total > 0,
    target: { op: '<=', value: target, unit: 'MB' },
    details: {
      demo: hubEnv.OMNIHUB_DEMO === '1',
      idleSeconds,
      processes: processes.map((p, i) => ({
        role: i === 0 ? 'main or primary' : 'worker',
        rssMb: mb(p.rssBytes),
      })),
    },
  };
};

export default scenario;
