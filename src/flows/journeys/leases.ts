// The leases this node holds on journey runs and sends while it acts on them: one owner name per
// flow, written on every lease and checked on every write, and renewed together on the process
// heartbeat (platform/events/lease-heartbeat.ts). A live node keeps its work however long a page
// takes; a dead node's is taken over by another once LEASE_MS has passed.
import { hostname } from 'node:os';
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { JourneysFlowDeps } from './deps.js';

export interface Leases {
  /** This node's name on its leases (the host and process tell operators which node it is). */
  readonly owner: string;
  /** Runs leased and not yet moved on. */
  readonly runs: Set<string>;
  /** Sends leased and not yet recorded. */
  readonly sends: Set<string>;
  /** Extends every lease still held (the heartbeat's work). */
  renew(ctx: Ctx): Promise<void>;
}

export function createLeases(deps: Pick<JourneysFlowDeps, 'journeys' | 'messaging'>): Leases {
  const runs = new Set<string>();
  const sends = new Set<string>();
  const owner = `${hostname()}/${process.pid}/${newId('jrw')}`;
  return {
    owner,
    runs,
    sends,
    async renew(ctx) {
      if (runs.size) await deps.journeys.renewLeases(ctx, [...runs], owner);
      if (sends.size) await deps.messaging.renewSendLeases(ctx, [...sends], owner);
    },
  };
}
