// Prometheus metrics: process defaults plus HTTP latency; modules and relays add their own gauges.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  eventsAppended: Counter<'type'>;
  consumerLag: Gauge<'consumer'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'omnihub_' });
  return {
    registry,
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
      help: 'Seconds between now and the occurrence of the last event a consumer handled',
      labelNames: ['consumer'],
      registers: [registry],
    }),
  };
}
