// Campaign schedules are written in the shop's local time ("2026-12-24T09:00" in Europe/Amsterdam)
// and stored as instants, so a sale starts at the same moment on every channel and hub node.

/** The zone's offset from UTC at an instant, in ms (local wall time minus UTC). */
function offsetAt(ts: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ts));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(ts / 1000) * 1000;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant a local date-time (YYYY-MM-DDTHH:mm[:ss]) names in the zone. */
export function localToInstant(local: string, timeZone: string): Date {
  const [date, time] = local.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min, s = 0] = time.split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(y, m - 1, d, h, min, s);
  const first = wall - offsetAt(wall, timeZone);
  // Near a DST change the offset at the guess may differ from the offset at the answer.
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}
