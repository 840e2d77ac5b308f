// Starts `omnihub serve` as a real process on a given database (several nodes share one), for
// multi-node tests; it can be stopped or killed like a crashed node.
import { type SpawnedHub, spawnHub } from '../../bench/harness.js';

export type HubProcess = SpawnedHub;

export async function startHubNode(env: Record<string, string>, attempts = 10): Promise<HubProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      // One process per node: these tests model separate nodes (a node's own workers: cluster-workers).
      return await spawnHub({ OMNIHUB_WORKERS: '1', ...env });
    } catch (err) {
      // A concurrent test may hold the JetStream subjects for a moment; try again.
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
