// A worker of `omnihub serve --workers N` (see cluster.ts): serves on the shared port, the first
// one after preparing the database, and stops when the primary says so.
import cluster from 'node:cluster';
import { AggregatorRegistry, Counter } from 'prom-client';
import { createHub, createLogger } from './app.js';
import { type ClusterMessage, isMessage, PREPARE_ENV } from './cluster.js';
import type { HubConfig } from './platform/config.js';

/** A worker: serves on the shared port (the first prepares the database); the primary stops it. */
export async function serveClusterWorker(config: HubConfig): Promise<void> {
  // Each worker counts its own requests: a per-worker budget keeps the hub's about as configured
  // (the primary hands out connections in turn).
  const share = (n: number) => Math.max(1, Math.ceil(n / config.workers));
  const hub = await createHub({
    config: {
      ...config,
      rateLimits: {
        ...config.rateLimits,
        perIp: share(config.rateLimits.perIp),
        perKey: share(config.rateLimits.perKey),
      },
    },
    // The first worker migrates and initialises the database; the others start once it has.
    prepared: process.env[PREPARE_ENV] !== '1',
    backgroundAfterListen: true,
    log: createLogger(config.logLevel).child({ worker: cluster.worker?.id }),
  });
  const send = (m: ClusterMessage) => {
    if (process.connected) process.send?.(m);
  };

  // Commits here wake the other workers' consumers and live streams at once (one message per burst).
  const notifier = hub.database.notifier;
  const wakes = new Counter({
    name: 'omnihub_cluster_wakes_total',
    help: "Wake-ups a worker had from another worker's commits (relayed by the primary)",
    registers: [hub.metrics.registry],
  });
  let pending = false;
  const offLocal = notifier.onLocal(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      send({ omnihub: 'wake' });
    });
  });

  // /metrics: the primary collects every worker's registry and sums it.
  AggregatorRegistry.setRegistries([hub.metrics.registry]);
  new AggregatorRegistry(); // installs this worker's answer to the primary's collection
  let nextId = 0;
  const waiting = new Map<number, (m: Extract<ClusterMessage, { omnihub: 'metrics' }>) => void>();
  hub.metrics.render = () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (m) => (m.text !== undefined ? resolve(m.text) : reject(new Error(m.error))));
      send({ omnihub: 'metrics-request', id });
    });

  let stopping = false;
  const stop = async () => {
    if (stopping) return; // the primary enforces the deadline
    stopping = true;
    offLocal();
    try {
      await hub.close();
      hub.log.info('stopped');
      process.exit(0);
    } catch (err) {
      hub.log.error({ err }, 'stopping failed');
      process.exit(1);
    }
  };
  process.on('message', (m: unknown) => {
    if (!isMessage(m)) return;
    if (m.omnihub === 'wake') {
      wakes.inc();
      notifier.notifyRemote();
    } else if (m.omnihub === 'stop') void stop();
    else if (m.omnihub === 'metrics') {
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    }
  });
  // A signal to the whole process group (Ctrl-C) reaches the workers too.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The primary gone: nobody would stop this worker.
  process.on('disconnect', () => void stop());

  const address = await hub.listen();
  send({
    omnihub: 'listening',
    address,
    describe: hub.database.describe,
    paymentProviders: hub.paymentProviders,
    ...(process.env[PREPARE_ENV] === '1'
      ? {
          preparation: {
            bootstrapKey: hub.bootstrapKey,
            demoLoaded: hub.demoLoaded,
            demoAppKeys: hub.demoAppKeys,
            demoStaff: hub.demoStaff,
          },
        }
      : {}),
  });
}
