// Where a hub's CPU goes, from a `--cpu-prof` profile of a bench run (BENCH_HUB_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=/tmp/prof"): the samples of the last busy stretch (the load window) attributed to
// what caused them. A sample goes to the outermost frame of our code on its stack (the function the
// event loop resumed: a route handler, a consumer's handler, a hook), mapped through dist/'s source
// maps to its source file; samples without our code go to their package (pg, fastify, node's http,
// GC); the database client and other helpers every caller uses count to the caller on the stack
// when there is one. Async continuations are resumed from the microtask queue, so a consumer's work after an await
// is still counted to that consumer's file.
// Usage: npx tsx bench/hub-profile-attribution.ts <file.cpuprofile> [--seconds 15] [--top 40]
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: hub-profile-attribution.ts <file.cpuprofile> [--seconds 15] [--top 40]');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const windowSeconds = option('seconds', 15);
const top = option('top', 40);

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const maps = new Map<string, SourceMap | null>();
function sourceOf(frame: CallFrame): string | null {
  const url = frame.url;
  if (!url.startsWith('file://') || !url.includes('/dist/') || url.includes('/node_modules/')) return null;
  let map = maps.get(frame.url);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(frame.url)}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(frame.url, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
    | { originalSource?: string }
    | undefined;
  const source = entry?.originalSource;
  if (!source) return null;
  const at = source.lastIndexOf('/src/');
  return at >= 0 && !source.includes('node_modules/') ? source.slice(at + 1) : null;
}

/**
 * Helpers every caller goes through (the database client, the log's statements, the kernel): a
 * sample is counted to the outermost other file of ours on its stack, when there is one.
 */
const GENERIC = /^src\/(platform\/db\/|platform\/events\/event-log|kernel\/)/;
/** Writes to sockets: on a loaded machine mostly a process descheduled after waking its peer. */
const SOCKET_WRITE = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String']);

const frameSource = new Map<number, string | null>();
const sourceOfNode = (id: number) => {
  if (!frameSource.has(id)) frameSource.set(id, sourceOf(byId.get(id)!.callFrame));
  return frameSource.get(id)!;
};

/** What a sample outside our code is: its leaf frame's package or node's own area. */
function outsideOurCode(leaf: CallFrame): string {
  const name = leaf.functionName;
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(leaf.url);
  if (m) return `pkg ${m[1]}`;
  if (leaf.url.startsWith('node:')) return `node ${leaf.url.slice(5).split('/')[0]}`;
  return name ? `native ${name}` : 'native (anonymous)';
}

// The last busy stretch: per second, the share of samples not idle; the window is its last N seconds.
const times: number[] = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) {
  t += d;
  times.push(t);
}
const busyPerSecond = new Map<number, { busy: number; all: number }>();
for (const [i, id] of profile.samples.entries()) {
  const s = Math.floor((times[i]! - profile.startTime) / 1e6);
  const b = busyPerSecond.get(s) ?? { busy: 0, all: 0 };
  b.all++;
  if (byId.get(id)!.callFrame.functionName !== '(idle)') b.busy++;
  busyPerSecond.set(s, b);
}
const seconds = [...busyPerSecond.keys()].sort((a, b) => a - b);
let end = seconds.length - 1;
const busy = (s: number) => {
  const b = busyPerSecond.get(s);
  return b !== undefined && b.busy / b.all > 0.5;
};
while (end >= 0 && !busy(seconds[end]!)) end--;
const lastBusy = seconds[end] ?? 0;
const firstInWindow = lastBusy - windowSeconds + 1;

const bySource = new Map<string, number>();
const byLeaf = new Map<string, number>();
let total = 0;
for (const [i, id] of profile.samples.entries()) {
  const s = Math.floor((times[i]! - profile.startTime) / 1e6);
  if (s < firstInWindow || s > lastBusy) continue;
  const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]!;
  const leaf = byId.get(id)!.callFrame;
  if (leaf.functionName === '(idle)') continue;
  total += dt;
  let work: string | null = null;
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const src = sourceOfNode(n);
    if (src && (!GENERIC.test(src) || work === null || GENERIC.test(work))) work = src;
  }
  const key = SOCKET_WRITE.has(leaf.functionName)
    ? `socket writes (${work ?? outsideOurCode(leaf)})`
    : (work ?? outsideOurCode(leaf));
  bySource.set(key, (bySource.get(key) ?? 0) + dt);
  const leafSource = sourceOfNode(id);
  const leafKey = `${leaf.functionName || '(anonymous)'} ${leafSource ?? outsideOurCode(leaf)}`;
  byLeaf.set(leafKey, (byLeaf.get(leafKey) ?? 0) + dt);
}

const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
};
console.log(
  `window: seconds ${firstInWindow}..${lastBusy} of the profile, ${(total / 1000).toFixed(0)} ms busy (idle left out)`,
);
print(
  'by the outermost frame of our code (the work the event loop resumed), else the leaf package',
  bySource,
);
print('by leaf function (self time)', byLeaf);
