// Prometheus metrics: process defaults plus HTTP latency; modules and relays add their own gauges.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  eventsAppended: Counter<'type'>;
  consumerLag: Gauge<'consumer'>;
  /**
   * The text /metrics answers. One process: its registry. A cluster's worker replaces it with the
   * sum over every worker (asked of the primary), so a scrape sees the whole hub whichever worker
   * answers it.
   */
  render: () => Promise<string>;
  /**
   * Each consumer's lag, read once per scrape (set once the database is open): how long the oldest
   * event it has not handled has waited, 0 when caught up.
   */
  readConsumerLag?: () => Promise<Array<{ consumer: string; seconds: number }>>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'omnihub_' });
  const metrics: Metrics = {
    registry,
    render: () => registry.metrics(),
    httpDuration: new Histogram({
      name: 'omnihub_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventsAppended: new Counter({
      name: 'omnihub_events_published_total',
      help: 'Events delivered by relays, by type',
      labelNames: ['type'],
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: 'omnihub_consumer_lag_seconds',
      help: 'Seconds the oldest event a consumer has not handled yet has waited (0: caught up)',
      labelNames: ['consumer'],
      registers: [registry],
      // Every worker of a cluster reads the same cursors: the largest is that figure.
      aggregator: 'max',
      async collect() {
        const read = metrics.readConsumerLag;
        if (!read) return;
        // A failing read (database down) leaves the gauge empty; /metrics still answers.
        const lags = await read().catch(() => []);
        this.reset();
        for (const l of lags) this.set({ consumer: l.consumer }, l.seconds);
      },
    }),
  };
  return metrics;
}

export interface ScrapeGauge<R> {
  name: string;
  help: string;
  value: (row: R) => number;
}

/**
 * Gauges filled from ONE read per scrape (e.g. a health query), labelled per row. The registry
 * collects every metric at once, so each gauge awaits the same shared read; a gauge filled by another
 * gauge's collect would show the previous scrape's values. A failing read (database down) leaves the
 * gauges empty and /metrics still answers.
 */
export function registerScrapeGauges<R, L extends string>(
  metrics: Metrics,
  opts: { labelNames: readonly L[]; labels: (row: R) => Record<L, string>; read: () => Promise<R[]> },
  gauges: ScrapeGauge<R>[],
): void {
  let reading: Promise<R[]> | undefined;
  const rows = () => {
    reading ??= opts
      .read()
      .catch(() => [] as R[])
      .finally(() => {
        setImmediate(() => {
          reading = undefined;
        });
      });
    return reading;
  };
  for (const def of gauges) {
    const g: Gauge<L> = new Gauge({
      name: def.name,
      help: def.help,
      labelNames: opts.labelNames,
      registers: [metrics.registry],
      // Every worker of a cluster reads the same database: one copy, not the sum.
      aggregator: 'first',
      collect: async () => {
        const all = await rows();
        g.reset();
        for (const row of all) g.set(opts.labels(row), def.value(row));
      },
    });
  }
}
