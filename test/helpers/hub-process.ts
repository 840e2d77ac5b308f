// Starts `omnihub serve` as a real process on a given database (several nodes share one), for
// multi-node tests; it can be stopped or killed like a crashed node.
import { join } from 'node:path';
import { type SpawnedHub, spawnHub } from '../../bench/harness.js';
import { staleReason } from '../../scripts/dist-freshness.js';

export type HubProcess = SpawnedHub;

/**
 * The compiled hub when dist/ is up to date with the sources (CI builds it on install), as
 * bin/omnihub.js decides: a start through tsx cost twice the CPU (10 s against 5 s at load 22).
 * Otherwise the sources through tsx, so a test never runs code older than what it tests.
 */
const compiled = staleReason(join(import.meta.dirname, '../..')) === null;

export async function startHubNode(env: Record<string, string>, attempts = 10): Promise<HubProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      // One process per node: these tests model separate nodes (a node's own workers: cluster-workers).
      return await spawnHub({ OMNIHUB_WORKERS: '1', ...env }, { compiled });
    } catch (err) {
      // A concurrent test may hold the JetStream subjects for a moment; try again.
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
