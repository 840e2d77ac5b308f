// CPU used by the hub process (its own metric) and by its PostgreSQL backends (/proc, when the server
// runs on this machine): figures that hold on a machine shared with other work, unlike wall-clock
// throughput and latency. Either is null when it cannot be read.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchContext } from './harness.js';

export async function hubCpuMs(b: BenchContext): Promise<number | null> {
  const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
  const m = /^omnihub_process_cpu_seconds_total (\S+)$/m.exec(text);
  return m ? Number(m[1]) * 1000 : null;
}

export async function dbCpuMs(b: BenchContext): Promise<number | null> {
  if (b.db !== 'postgres' || !b.databaseUrl) return null;
  const client = new pg.Client({ connectionString: b.databaseUrl });
  try {
    await client.connect();
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    let ticks = 0;
    for (const { pid } of r.rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10; // USER_HZ = 100
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
