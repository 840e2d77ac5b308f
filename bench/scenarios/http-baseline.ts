// http-baseline: an authenticated GET of a small resource (/api/me) at 50 concurrent connections.
// Measures the cost of the HTTP stack, auth and request context without any domain work: the hub's
// and the load generator's CPU per request over the measured window (`--client autocannon` loads
// with autocannon instead of the pre-serialized requests of raw-http-load.ts).
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { hubCpuMs } from '../cpu-usage.js';
import type { Scenario } from '../harness.js';
import { httpRequestBytes, rawHttpLoad, sortedPercentile } from '../raw-http-load.js';

const scenario: Scenario = async (b) => {
  const duration = Number(b.args.duration ?? 10);
  const connections = Number(b.args.connections ?? 50);
  const client = b.args.client === 'autocannon' ? 'autocannon' : 'raw';
  b.log(`GET /api/me, ${connections} connections, ${duration} s (${client})`);
  const headers = { authorization: `Bearer ${b.adminKey}` };
  const hubBefore = await hubCpuMs(b);
  const loadBefore = process.cpuUsage();
  let outcome: {
    total: number;
    ok: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    seconds: number;
    p50: number;
    p99: number;
    max: number;
  };
  if (client === 'autocannon') {
    const r = await autocannon({ url: `${b.baseUrl}/api/me`, headers, connections, duration, pipelining: 1 });
    outcome = {
      total: r.requests.total,
      ok: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      seconds: r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
    };
  } else {
    const request = httpRequestBytes('GET', '/api/me', new URL(b.baseUrl).host, headers);
    const r = await rawHttpLoad({
      baseUrl: b.baseUrl,
      connections,
      repeat: { request, durationMs: duration * 1000 },
    });
    const ok = [...r.statuses].reduce((s, [status, n]) => (status < 300 ? s + n : s), 0);
    outcome = {
      total: r.answered,
      ok,
      non2xx: r.answered - ok,
      errors: r.errors,
      timeouts: r.timeouts,
      seconds: r.elapsedMs / 1000,
      p50: sortedPercentile(r.latencies, 50),
      p99: sortedPercentile(r.latencies, 99),
      max: sortedPercentile(r.latencies, 100),
    };
  }
  const load = process.cpuUsage(loadBefore);
  const hubAfter = await hubCpuMs(b);
  const perRequestUs = (ms: number | null) =>
    ms === null || outcome.total === 0 ? null : Math.round((ms / outcome.total) * 10_000) / 10;
  return {
    metric: 'requests_per_second',
    value: Math.round(outcome.total / outcome.seconds),
    unit: 'req/s',
    p50_ms: outcome.p50,
    p99_ms: outcome.p99,
    correct: outcome.non2xx + outcome.errors + outcome.timeouts === 0 && outcome.ok > 0,
    details: {
      client,
      connections,
      durationSeconds: duration,
      totalRequests: outcome.total,
      ok2xx: outcome.ok,
      non2xx: outcome.non2xx,
      errors: outcome.errors,
      timeouts: outcome.timeouts,
      latencyMaxMs: outcome.max,
      // CPU per request over the measured window (hub: its process metric; load generator: this one).
      cpu: {
        hubMicrosecondsPerRequest: perRequestUs(
          hubBefore !== null && hubAfter !== null ? hubAfter - hubBefore : null,
        ),
        loadGeneratorMicrosecondsPerRequest: perRequestUs((load.user + load.system) / 1000),
      },
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    },
  };
};

export default scenario;
