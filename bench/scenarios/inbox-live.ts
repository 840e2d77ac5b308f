// inbox-live: how long an inbound message takes to show in an agent's open inbox. An agent follows
// GET /api/inbox/stream (SSE); a customer writes in web chat (POST /api/chat/messages answers with the
// message id) and the clock runs until the stream brings `inbox.message_received` for that message,
// while a background load of signed Messenger and WhatsApp deliveries keeps `background`
// messages/s flowing into the same inbox. Target p99 < 500 ms at 1,000 messages/s.
// correct = every probe arrived on the stream, and the background load was delivered as asked.
import { loadavg } from 'node:os';
import { percentile, type Scenario } from '../harness.js';
import { followSse, metaPayload, postChat, postMeta, setupInboxChannels } from '../inbox-setup.js';

const scenario: Scenario = async (b) => {
  const probes = Number(b.args.probes ?? 200);
  const backgroundPerSecond = Number(b.args.background ?? (b.db === 'postgres' ? 1_000 : 200));
  // Deliveries of up to 20 messages (Meta batches too), about 50 a second at most.
  const batch = Math.max(1, Math.min(20, Math.round(backgroundPerSecond / 50)));
  const bench = await setupInboxChannels(b);

  // Arrival times of web chat messages on the stream (the probes'), whether or not a probe waits yet:
  // the event may come before the POST's answer does.
  const arrivedAt = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  let streamed = 0;
  const stop = await followSse(`${b.baseUrl}/api/inbox/stream`, b.adminKey, (data) => {
    streamed++;
    const e = JSON.parse(data) as { type?: string; data?: { messageId?: string; channelKind?: string } };
    const id = e.data?.messageId;
    if (e.type !== 'inbox.message_received' || !id || e.data?.channelKind !== 'web_chat') return;
    arrivedAt.set(id, performance.now());
    waiting.get(id)?.();
  });

  // Background: deliveries of `batch` messages at the asked rate, alternating Messenger and WhatsApp.
  let running = true;
  let backgroundSent = 0;
  let backgroundFailed = 0;
  let person = 1_000_000;
  const background = (async () => {
    const t0 = performance.now();
    const inFlight = new Set<Promise<void>>();
    while (running) {
      const due = ((performance.now() - t0) / 1000) * backgroundPerSecond;
      if (backgroundSent + batch <= due && inFlight.size < 16) {
        const kind = (backgroundSent / batch) % 2 === 0 ? 'messenger' : 'whatsapp';
        const people = Array.from({ length: batch }, () => person++ % 1_050_000);
        backgroundSent += batch;
        const p = postMeta(b, bench.paths[kind], metaPayload(kind, people, 'background'))
          .then((r) => {
            if (r.status !== 200) backgroundFailed += batch;
          })
          .catch(() => {
            backgroundFailed += batch;
          })
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      } else await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    return (performance.now() - t0) / 1000;
  })();
  await new Promise((r) => setTimeout(r, 2_000)); // the load is flowing before the first probe

  const latencies: number[] = [];
  let missed = 0;
  const load0 = loadavg()[0]!;
  for (let i = 0; i < probes; i++) {
    const t0 = performance.now();
    const sent = await postChat(b, bench.shopKey, i, `probe ${i}`);
    if (sent.status !== 201 || !sent.messageId) {
      missed++;
      continue;
    }
    const id = sent.messageId;
    const arrived =
      arrivedAt.has(id) ||
      (await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        waiting.set(id, () => {
          clearTimeout(timer);
          resolve(true);
        });
      }));
    waiting.delete(id);
    if (arrived) latencies.push(arrivedAt.get(id)! - t0);
    else missed++;
    await new Promise((r) => setTimeout(r, 50));
  }
  running = false;
  const backgroundSeconds = await background;
  stop();
  const achieved = Math.round(backgroundSent / backgroundSeconds);
  const p99 = percentile(latencies, 99);
  return {
    metric: 'inbound_to_agent_stream_p99',
    value: p99,
    unit: 'ms',
    p50_ms: percentile(latencies, 50),
    p99_ms: p99,
    correct: missed === 0 && backgroundFailed === 0 && achieved >= backgroundPerSecond * 0.9,
    target: { op: '<=', value: 500, unit: 'ms' },
    details: {
      probes,
      probesMissed: missed,
      backgroundAskedPerSecond: backgroundPerSecond,
      backgroundAchievedPerSecond: achieved,
      backgroundMessages: backgroundSent,
      backgroundBatch: batch,
      backgroundFailed,
      eventsOnStream: streamed,
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
