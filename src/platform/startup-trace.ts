// Where a start spends its time (OMNIHUB_STARTUP_TRACE=1): each phase's wall and CPU milliseconds
// since the process started, written to stderr as it is reached. Off, it costs one check per mark.
// The main thread's CPU is shown beside the process's: work on other threads (WebAssembly
// compilation, gunzip, file writes, GC) runs beside the start on a second core, the main thread's
// is its critical path.
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';

const enabled = process.env.OMNIHUB_STARTUP_TRACE === '1';

/** The calling thread's CPU ms (Linux: utime + stime of /proc/thread-self/stat, in clock ticks of 10 ms);
 * undefined where /proc is not there. */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Notes that a start reached `phase` (stderr, with wall and CPU ms since the process started). */
export function startupMark(phase: string): void {
  if (!enabled) return;
  const cpu = cpuUsage();
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const main = threadCpuMs();
  process.stderr.write(
    `startup ${phase}: ${Math.round(performance.now())} ms wall, ${cpuMs} ms CPU${main === undefined ? '' : ` (main thread ${main})`}\n`,
  );
}
