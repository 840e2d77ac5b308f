// Where a start spends its time (OMNIHUB_STARTUP_TRACE=1): each phase's wall and CPU milliseconds
// since the process started, written to stderr as it is reached. Off, it costs one check per mark.
import { cpuUsage } from 'node:process';

const enabled = process.env.OMNIHUB_STARTUP_TRACE === '1';

/** Notes that a start reached `phase` (stderr, with wall and CPU ms since the process started). */
export function startupMark(phase: string): void {
  if (!enabled) return;
  const cpu = cpuUsage();
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  process.stderr.write(`startup ${phase}: ${Math.round(performance.now())} ms wall, ${cpuMs} ms CPU\n`);
}
