// `omnihub serve --workers N`: N hub processes on one port (node:cluster), so every core serves.
// The primary does what must happen once (migrations, the bootstrap key, demo data), forks the
// workers, relays their commit wake-ups to each other, answers /metrics with the sum over all of
// them, replaces a worker that dies and stops them all on SIGTERM. Background consumers, sweepers
// and delivery loops run in every worker and coordinate through the database, as separate nodes
// do (cursor leases, claimed rows).
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, Counter } from 'prom-client';
import { createHub, createLogger, type DatabasePreparation, type Hub, prepareDatabase } from './app.js';
import type { HubConfig } from './platform/config.js';

const WORKER_ENV = 'OMNIHUB_CLUSTER_WORKER';
/** A worker that dies is replaced after this pause (a crash loop does not spin). */
const RESTART_DELAY_MS = 1_000;

type ClusterMessage =
  | { omnihub: 'wake' }
  | { omnihub: 'stop' }
  | { omnihub: 'listening'; address: string; describe: string; paymentProviders: Hub['paymentProviders'] }
  | { omnihub: 'metrics-request'; id: number }
  | { omnihub: 'metrics'; id: number; text?: string; error?: string };

const isMessage = (m: unknown): m is ClusterMessage =>
  typeof m === 'object' && m !== null && typeof (m as { omnihub?: unknown }).omnihub === 'string';

/** This process is a worker forked by `serve --workers`. */
export const isClusterWorker = (): boolean => cluster.isWorker && process.env[WORKER_ENV] === '1';

export interface ClusterStarted {
  address: string;
  describe: string;
  paymentProviders: Hub['paymentProviders'];
  preparation: DatabasePreparation;
}

/** The primary: prepares the database once, forks `config.workers` workers, supervises them. */
export async function serveClusterPrimary(
  config: HubConfig,
  opts: { stopDeadlineMs: number; started: (s: ClusterStarted) => void },
): Promise<void> {
  const log = createLogger(config.logLevel).child({ cluster: 'primary' });
  const preparation = await prepareDatabase(config, log);
  const metrics = new AggregatorRegistry();
  let stopping = false;
  let started = false;

  const fork = (): Worker => {
    const worker = cluster.fork({ [WORKER_ENV]: '1' });
    worker.on('message', (m: unknown) => {
      if (!isMessage(m)) return;
      if (m.omnihub === 'wake') {
        for (const other of Object.values(cluster.workers ?? {}))
          if (other && other !== worker && other.isConnected()) other.send(m);
      } else if (m.omnihub === 'metrics-request') {
        metrics.clusterMetrics().then(
          (text) => worker.isConnected() && worker.send({ omnihub: 'metrics', id: m.id, text }),
          (err: Error) =>
            worker.isConnected() && worker.send({ omnihub: 'metrics', id: m.id, error: err.message }),
        );
      }
    });
    return worker;
  };

  const listening: Promise<Extract<ClusterMessage, { omnihub: 'listening' }>>[] = [];
  for (let i = 0; i < config.workers; i++) {
    const worker = fork();
    listening.push(
      new Promise((resolve, reject) => {
        worker.on('message', (m: unknown) => isMessage(m) && m.omnihub === 'listening' && resolve(m));
        worker.once('exit', (code) => reject(new Error(`a worker exited with code ${code} during start`)));
      }),
    );
  }
  cluster.on('exit', (worker, code, signal) => {
    if (stopping || !started) return;
    log.error({ worker: worker.id, code, signal }, 'worker exited: starting another');
    setTimeout(() => !stopping && fork(), RESTART_DELAY_MS).unref();
  });

  const stopAll = (signal: string) => {
    if (stopping) {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error({ signal }, `workers not stopped within ${opts.stopDeadlineMs} ms: exiting`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }, opts.stopDeadlineMs);
    deadline.unref();
    let failed = signal === 'start failed';
    const waits = Object.values(cluster.workers ?? {}).map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || w.isDead()) return resolve();
          w.once('exit', (code) => {
            if (code !== 0) failed = true;
            resolve();
          });
          if (w.isConnected()) w.send({ omnihub: 'stop' });
          else w.process.kill('SIGTERM');
        }),
    );
    void Promise.all(waits).then(() => {
      log.info({ signal }, 'stopped');
      process.exit(failed ? 1 : 0);
    });
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));

  let first: Extract<ClusterMessage, { omnihub: 'listening' }>;
  try {
    [first] = (await Promise.all(listening)) as [Extract<ClusterMessage, { omnihub: 'listening' }>];
  } catch (err) {
    log.error({ err }, 'the workers did not start');
    stopAll('start failed');
    return;
  }
  started = true;
  opts.started({
    address: first.address,
    describe: first.describe,
    paymentProviders: first.paymentProviders,
    preparation,
  });
}

/** A worker: serves on the shared port; the primary has prepared the database and stops it. */
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
    prepared: true,
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
  });
}
