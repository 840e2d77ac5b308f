// A worker of `omnihub serve --workers N` (see cluster.ts): serves on the shared port once the
// database is prepared (by the first worker, which reports what it did), and stops when the primary
// says so.
import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { AggregatorRegistry, Counter } from 'prom-client';
import { createHub, createLogger, type DatabasePreparation, prepareDatabase } from './app.js';
import { type ClusterMessage, isMessage, PREPARE_ENV } from './cluster.js';
import type { HubConfig } from './platform/config.js';

const send = (m: ClusterMessage) => {
  if (process.connected) process.send?.(m);
};

/**
 * The first worker prepares the database (migrations, the bootstrap key, demo data) and reports it;
 * the others, which loaded their modules meanwhile, ask the primary and wait until it has.
 */
async function databasePrepared(config: HubConfig, log: Logger): Promise<void> {
  if (process.env[PREPARE_ENV] === '1') {
    const preparation: DatabasePreparation = await prepareDatabase(config, log);
    send({ omnihub: 'prepared', preparation });
    return;
  }
  await new Promise<void>((resolve) => {
    const heard = (m: unknown) => {
      if (!isMessage(m) || m.omnihub !== 'prepared') return;
      process.off('message', heard);
      resolve();
    };
    process.on('message', heard);
    send({ omnihub: 'await-prepared' });
  });
}

/** A worker: serves on the shared port (the first prepares the database); the primary stops it. */
export async function serveClusterWorker(config: HubConfig): Promise<void> {
  // Each worker counts its own requests: a per-worker budget keeps the hub's about as configured
  // (the primary hands out connections in turn).
  const share = (n: number) => Math.max(1, Math.ceil(n / config.workers));
  const log = createLogger(config.logLevel).child({ worker: cluster.worker?.id });
  // Stopped before serving (the first worker failed): nothing to close yet.
  let started = false;
  const early = () => process.exit(0);
  process.once('disconnect', early);
  process.on('message', (m: unknown) => isMessage(m) && m.omnihub === 'stop' && !started && early());
  await databasePrepared(config, log);
  started = true;
  process.off('disconnect', early);
  const hub = await createHub({
    config: {
      ...config,
      rateLimits: {
        ...config.rateLimits,
        perIp: share(config.rateLimits.perIp),
        perKey: share(config.rateLimits.perKey),
      },
    },
    prepared: true,
    backgroundAfterListen: true,
    log,
  });

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
  });
}
