// A few `omnihub serve` nodes (the production build) on a private PostgreSQL and NATS, and the calls
// the fault tests make to them: a client that fails over to another node on a refused connection
// and retries with the same Idempotency-Key, as a load balancer and a careful client would.
import pg from 'pg';
import { type SpawnedHub, spawnHub } from '../../bench/harness.js';
import {
  type PrivateNats,
  type PrivatePostgres,
  startPrivateNats,
  startPrivatePostgres,
} from './private-servers.js';

export const FAULTS_ADMIN = 'ohk_faults_admin_key_00000000000000000000';

export interface Cluster {
  postgres: PrivatePostgres;
  nats: PrivateNats;
  nodes: SpawnedHub[];
  env: Record<string, string>;
  /** Another node on the same servers. */
  addNode(): Promise<SpawnedHub>;
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startCluster(nodeCount: number, env: Record<string, string> = {}): Promise<Cluster> {
  const [postgres, nats] = await Promise.all([startPrivatePostgres(), startPrivateNats()]);
  const fullEnv = {
    DATABASE_URL: postgres.url,
    NATS_URL: nats.url,
    OMNIHUB_ADMIN_KEY: FAULTS_ADMIN,
    // One process per node: the node killed is the process that holds the lease.
    OMNIHUB_WORKERS: '1',
    OMNIHUB_WEBHOOKS_ALLOW_PRIVATE: '1',
    OMNIHUB_PAYMENT_PROVIDERS: 'manual,test',
    OMNIHUB_WEBHOOK_RETRY_SCHEDULE_MS: '200,400,800,1600,3200',
    OMNIHUB_WEBHOOK_TIMEOUT_MS: '5000',
    ...env,
  };
  const nodes: SpawnedHub[] = [];
  const addNode = async () => {
    const node = await spawnHub(fullEnv, { compiled: true, captureLog: true });
    nodes.push(node);
    return node;
  };
  await addNode(); // the first migrates the database
  for (let i = 1; i < nodeCount; i++) await addNode();
  return {
    postgres,
    nats,
    nodes,
    env: fullEnv,
    addNode,
    async sql<T>(query: string, params: unknown[] = []) {
      const c = new pg.Client({ connectionString: postgres.url });
      await c.connect();
      try {
        return (await c.query(query, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
    async close() {
      await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
      await Promise.all([postgres.close(), nats.close()]);
    },
  };
}

export interface ApiResult {
  status: number;
  body: any;
  node: number;
}

/**
 * One call, sent to nodes[start] and on to the next node while a node refuses the connection, is
 * unavailable (503) or still runs the same request (409 idempotency_in_progress), until `deadlineMs`.
 * POSTs carry `idempotencyKey` so a retry after a crash never does the work twice.
 */
export async function resilientCall(
  nodes: SpawnedHub[],
  start: number,
  key: string,
  req: { method: string; path: string; body?: unknown; idempotencyKey?: string; deadlineMs?: number },
): Promise<ApiResult> {
  const deadline = Date.now() + (req.deadlineMs ?? 60_000);
  for (let attempt = 0; ; attempt++) {
    const node = (start + attempt) % nodes.length;
    try {
      const res = await fetch(`${nodes[node]!.baseUrl}${req.path}`, {
        method: req.method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(req.idempotencyKey ? { 'idempotency-key': req.idempotencyKey } : {}),
        },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      const retry = res.status === 503 || (res.status === 409 && body?.code === 'idempotency_in_progress');
      if (!retry || Date.now() > deadline) return { status: res.status, body, node };
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
