// The soak's figures as one SVG: three stacked line charts over time (memory, event-loop delay p99,
// request p99), plain SVG so no plotting library is needed.
export interface SoakSample {
  atSeconds: number;
  rssMb: number;
  heapMb: number;
  eventLoopP99Ms: number;
  requestP99Ms: number;
  requests: number;
  orders: number;
}

const W = 800;
const H = 180;
const PAD = { left: 60, right: 20, top: 24, bottom: 24 };

function chart(
  samples: SoakSample[],
  y0: number,
  title: string,
  series: Array<{ label: string; color: string; value: (s: SoakSample) => number }>,
): string {
  const maxT = Math.max(1, ...samples.map((s) => s.atSeconds));
  const maxV = Math.max(1, ...samples.flatMap((s) => series.map((x) => x.value(s)))) * 1.1;
  const x = (t: number) => PAD.left + (t / maxT) * (W - PAD.left - PAD.right);
  const y = (v: number) => y0 + PAD.top + (1 - v / maxV) * (H - PAD.top - PAD.bottom);
  const lines = series
    .map((s) => {
      const pts = samples.map((p) => `${x(p.atSeconds).toFixed(1)},${y(s.value(p)).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${pts}"/>`;
    })
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<text x="${W - PAD.right - 150}" y="${y0 + 14 + i * 13}" fill="${s.color}" font-size="11">${s.label}</text>`,
    )
    .join('');
  return (
    `<text x="${PAD.left}" y="${y0 + 14}" font-size="12" font-weight="bold">${title}</text>` +
    `<line x1="${PAD.left}" y1="${y(0)}" x2="${W - PAD.right}" y2="${y(0)}" stroke="#999"/>` +
    `<line x1="${PAD.left}" y1="${y0 + PAD.top}" x2="${PAD.left}" y2="${y(0)}" stroke="#999"/>` +
    `<text x="${PAD.left - 6}" y="${y0 + PAD.top + 4}" font-size="10" text-anchor="end">${(maxV / 1.1).toFixed(0)}</text>` +
    `<text x="${PAD.left - 6}" y="${y(0)}" font-size="10" text-anchor="end">0</text>` +
    `<text x="${W - PAD.right}" y="${y(0) + 14}" font-size="10" text-anchor="end">${maxT} s</text>` +
    lines +
    legend
  );
}

export function plotSoak(samples: SoakSample[], title: string): string {
  const body = [
    chart(samples, 20, 'Memory (MB)', [
      { label: 'RSS', color: '#1f77b4', value: (s) => s.rssMb },
      { label: 'heap used', color: '#ff7f0e', value: (s) => s.heapMb },
    ]),
    chart(samples, 20 + H, 'Event-loop delay p99 (ms)', [
      { label: 'event loop p99', color: '#2ca02c', value: (s) => s.eventLoopP99Ms },
    ]),
    chart(samples, 20 + 2 * H, 'Checkout request p99 (ms, per interval)', [
      { label: 'request p99', color: '#d62728', value: (s) => s.requestP99Ms },
    ]),
  ].join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${20 + 3 * H}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="${W / 2}" y="14" font-size="13" text-anchor="middle">${title}</text>${body}</svg>\n`
  );
}
