// http-baseline: an authenticated GET of a small resource (/api/me) at 50 concurrent connections.
// Measures the cost of the HTTP stack, auth and request context without any domain work.
import autocannon from 'autocannon';
import type { Scenario } from '../harness.js';

const scenario: Scenario = async (b) => {
  const duration = Number(b.args.duration ?? 10);
  const connections = Number(b.args.connections ?? 50);
  b.log(`GET /api/me, ${connections} connections, ${duration} s`);
  const result = await autocannon({
    url: `${b.baseUrl}/api/me`,
    headers: { authorization: `Bearer ${b.adminKey}` },
    connections,
    duration,
    pipelining: 1,
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    metric: 'requests_per_second',
    value: Math.round(result.requests.average),
    unit: 'req/s',
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    correct: non2xx === 0 && result['2xx'] > 0,
    details: {
      connections,
      durationSeconds: duration,
      totalRequests: result.requests.total,
      ok2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latencyMaxMs: result.latency.max,
    },
  };
};

export default scenario;
