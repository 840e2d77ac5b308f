// `omnihub serve --workers N`: N hub processes on one port (node:cluster), so every core serves.
// The primary is a thin supervisor that never loads the hub's modules (they would stay resident in
// it for nothing): the first worker does what must happen once (migrations, the bootstrap key, demo
// data) and reports it; the others load meanwhile and wait for it before serving. It relays the workers' commit wake-ups to
// each other, answers /metrics with the sum over all of them, replaces a worker that dies and stops
// them all on SIGTERM. Background consumers, sweepers and delivery loops run in every worker and
// coordinate through the database, as separate nodes do (cursor leases, claimed rows).
import cluster, { type Worker } from 'node:cluster';
import pino from 'pino';
import { AggregatorRegistry } from 'prom-client';
import type { DatabasePreparation } from './app/database.js';
import type { Hub } from './app.js';
import type { HubConfig } from './platform/config.js';
import { loggerOptions } from './platform/logging.js';

export const WORKER_ENV = 'OMNIHUB_CLUSTER_WORKER';
/** Set for the first worker only: it prepares the database (the others start once it has). */
export const PREPARE_ENV = 'OMNIHUB_CLUSTER_PREPARE';
/** A worker that dies is replaced after this pause (a crash loop does not spin). */
const RESTART_DELAY_MS = 1_000;

export type ClusterMessage =
  | { omnihub: 'wake' }
  | { omnihub: 'stop' }
  | { omnihub: 'listening'; address: string; describe: string; paymentProviders: Hub['paymentProviders'] }
  /** The first worker prepared the database (to the primary), or the primary says so (to a worker). */
  | { omnihub: 'prepared'; preparation?: DatabasePreparation }
  /** A worker waits to serve until the database is prepared. */
  | { omnihub: 'await-prepared' }
  | { omnihub: 'metrics-request'; id: number }
  | { omnihub: 'metrics'; id: number; text?: string; error?: string };

export const isMessage = (m: unknown): m is ClusterMessage =>
  typeof m === 'object' && m !== null && typeof (m as { omnihub?: unknown }).omnihub === 'string';

/** This process is a worker forked by `serve --workers`. */
export const isClusterWorker = (): boolean => cluster.isWorker && process.env[WORKER_ENV] === '1';

export interface ClusterStarted {
  address: string;
  describe: string;
  paymentProviders: Hub['paymentProviders'];
  preparation: DatabasePreparation;
}

/** The primary: forks `config.workers` workers (the first prepares the database), supervises them. */
export async function serveClusterPrimary(
  config: HubConfig,
  opts: { stopDeadlineMs: number; started: (s: ClusterStarted) => void },
): Promise<void> {
  const log = pino(loggerOptions(config.logLevel)).child({ cluster: 'primary' });
  const metrics = new AggregatorRegistry();
  let stopping = false;
  let started = false;
  let prepared = false;
  let preparation: DatabasePreparation | undefined;
  const waitingForPreparation = new Set<Worker>();

  const fork = (prepare = false): Worker => {
    const worker = cluster.fork({ [WORKER_ENV]: '1', ...(prepare ? { [PREPARE_ENV]: '1' } : {}) });
    worker.on('message', (m: unknown) => {
      if (!isMessage(m)) return;
      if (m.omnihub === 'prepared') {
        prepared = true;
        preparation = m.preparation;
        for (const w of waitingForPreparation) if (w.isConnected()) w.send({ omnihub: 'prepared' });
        waitingForPreparation.clear();
      } else if (m.omnihub === 'await-prepared') {
        if (prepared) worker.send({ omnihub: 'prepared' });
        else waitingForPreparation.add(worker);
      } else if (m.omnihub === 'wake') {
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

  type Listening = Extract<ClusterMessage, { omnihub: 'listening' }>;
  const listening = (worker: Worker) =>
    new Promise<Listening>((resolve, reject) => {
      worker.on('message', (m: unknown) => isMessage(m) && m.omnihub === 'listening' && resolve(m));
      worker.once('exit', (code) => reject(new Error(`a worker exited with code ${code} during start`)));
    });
  // All start at once (loading the modules is most of a start); the first prepares the database
  // and the others wait for it before their first statement.
  const starts = async (): Promise<Listening> => {
    const all = [listening(fork(true))];
    for (let i = 1; i < config.workers; i++) all.push(listening(fork()));
    const [first] = await Promise.all(all);
    return first!;
  };
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

  let first: Listening;
  try {
    first = await starts();
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
    preparation: preparation ?? {
      bootstrapKey: undefined,
      demoLoaded: false,
      demoAppKeys: [],
      demoStaff: [],
    },
  });
}
