// CPU used by the hub process (its own metric) and by its PostgreSQL backends (/proc, when the server
// runs on this machine): figures that hold on a machine shared with other work, unlike wall-clock
// throughput and latency. Either is null when it cannot be read.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchContext } from './harness.js';

export async function hubCpuMs(b: BenchContext): Promise<number | null> {
  const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
  const m = /^omnihub_process_cpu_seconds_total (\S+)$/m.exec(text);
  return m ? Number(m[1]) * 1000 : null;
}

// Backends seen per database, by pid and start time, with the CPU last read of each: one that has
// disconnected keeps its last reading, so the difference of two readings never goes negative (a pool
// closing a connection during a window made catalog-read's PostgreSQL CPU per request negative). What
// a backend used between its last reading and its exit is not counted.
const seenBackends = new Map<string, Map<string, number>>();

export async function dbCpuMs(b: BenchContext): Promise<number | null> {
  if (b.db !== 'postgres' || !b.databaseUrl) return null;
  const client = new pg.Client({ connectionString: b.databaseUrl });
  try {
    await client.connect();
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const seen = seenBackends.get(b.databaseUrl) ?? new Map<string, number>();
    seenBackends.set(b.databaseUrl, seen);
    for (const { pid } of r.rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        // utime + stime in USER_HZ (100) ticks; field 19 here (22 in proc(5)) is the start time.
        seen.set(`${pid}:${fields[19]}`, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // ended meanwhile: its last reading stands
      }
    }
    let ms = 0;
    for (const v of seen.values()) ms += v;
    return ms;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A process and every process below it, from each one's /proc/<pid>/task/<tid>/children: a few
 * small reads, where a walk over all of /proc cost the load generator milliseconds per sample.
 */
function processTree(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone meanwhile
    }
    out.push(pid);
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
          if (child) queue.push(Number(child));
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return out;
}

/** utime + stime (ms) of a process and every process below it (a cluster's workers), from /proc. */
export function processTreeCpuMs(root: number): number | null {
  let ticks = 0;
  let found = false;
  for (const pid of processTree(root)) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
      found = true;
    } catch {
      // gone meanwhile
    }
  }
  return found ? ticks * 10 : null; // USER_HZ = 100
}

/** Resident memory (bytes) of a process and every process below it, by pid, from /proc. */
export function processTreeRss(root: number): Array<{ pid: number; rssBytes: number }> {
  const out: Array<{ pid: number; rssBytes: number }> = [];
  for (const pid of processTree(root)) {
    try {
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      out.push({ pid, rssBytes: Number(kb ?? 0) * 1024 });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Samples a process tree's resident memory every `everyMs` (from /proc, no child processes) until
 * `stop()`: the highest and the last sum of the tree, in MB, and how many samples were taken.
 */
export function sampleTreeRss(root: number, everyMs: number) {
  let maxBytes = 0;
  let lastBytes = 0;
  let samples = 0;
  const sample = () => {
    const tree = processTreeRss(root);
    if (!tree.length) return;
    lastBytes = tree.reduce((sum, p) => sum + p.rssBytes, 0);
    maxBytes = Math.max(maxBytes, lastBytes);
    samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { maxMb: mb(maxBytes), endMb: mb(lastBytes), samples, everyMs };
    },
  };
}

export interface CpuSnapshot {
  hubMs: number | null;
  postgresMs: number | null;
  loadGeneratorMs: number;
}

/** CPU used so far by the hub (every process of it), its PostgreSQL backends and this process. */
export async function cpuSnapshot(b: BenchContext, hubPid: number | undefined): Promise<CpuSnapshot> {
  const own = process.cpuUsage();
  return {
    hubMs: hubPid ? processTreeCpuMs(hubPid) : null,
    postgresMs: await dbCpuMs(b),
    loadGeneratorMs: (own.user + own.system) / 1000,
  };
}

/**
 * CPU of a measured window only (the run's figures include setup and after-work): call at the
 * window's start, then `end(units)` for ms per unit of the hub, PostgreSQL and this process.
 */
export async function cpuWindow(b: BenchContext) {
  const start = await cpuSnapshot(b, b.hubPid);
  return {
    async end(units: number) {
      const z = await cpuSnapshot(b, b.hubPid);
      const per = (x: number | null, y: number | null) =>
        x === null || y === null || units === 0 ? null : Math.round(((y - x) / units) * 1000) / 1000;
      return {
        hub: per(start.hubMs, z.hubMs),
        postgres: per(start.postgresMs, z.postgresMs),
        loadGenerator: per(start.loadGeneratorMs, z.loadGeneratorMs),
      };
    },
  };
}
