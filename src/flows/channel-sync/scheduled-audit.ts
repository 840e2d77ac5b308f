// The periodic consistency audit: every interval each connection is audited once (whichever node
// leases it), with the channel's state read back, and its result is kept for the omnichannel score.
// Connections are audited one after another: the audit already reads a channel page by page, and
// a 2-core node serving shoppers should not audit ten channels at once.
import type { AuditRecord } from '../../modules/channel-sync/index.js';
import type { Ctx } from '../../platform/context.js';
import { type AuditResult, type DriftFinding, type ReadRemote, runAudit } from './audit.js';
import type { ChannelSyncFlowDeps } from './channel-sync.deps.js';

/** Long enough for a slow channel's read-back; a node that dies leaves its connections due after it. */
export const AUDIT_LEASE_MS = 10 * 60_000;
const CLAIM_BATCH = 20;
const SAMPLE = 10;

/** One connection's audit as the row kept for it: distinct SKUs per field and a few findings. */
export function auditRecordOf(result: AuditResult, auditedAt: Date): AuditRecord | undefined {
  const a = result.connections[0];
  if (!a) return undefined;
  const distinct = (key: (f: DriftFinding) => string) => {
    const seen = new Map<string, Set<string>>();
    for (const f of result.findings) {
      const k = key(f);
      seen.set(k, (seen.get(k) ?? new Set()).add(f.sku));
    }
    return Object.fromEntries([...seen].map(([k, s]) => [k, s.size]));
  };
  // What the channel answers now is the stronger evidence: those findings come first in the sample.
  const ordered = [...result.findings].sort((x, y) =>
    x.source === y.source ? 0 : x.source === 'channel' ? -1 : 1,
  );
  return {
    connectionId: a.connectionId,
    channelId: a.channelId,
    auditedAt,
    status: a.status,
    skus: a.skus,
    drift: { ...Object.fromEntries(Object.keys(a.drift).map((k) => [k, 0])), ...distinct((f) => f.kind) },
    driftBySync: { stock: 0, price: 0, listing: 0, ...distinct((f) => f.syncKind) },
    remote: typeof a.remote === 'object' ? 'error' : a.remote === 'checked' ? 'checked' : 'unsupported',
    remoteError: typeof a.remote === 'object' ? a.remote.error : null,
    lagSeconds: a.lagSeconds,
    deadLettered: a.deadLettered,
    sample: ordered
      .slice(0, SAMPLE)
      .map((f) => ({ sku: f.sku, kind: f.kind, source: f.source, hub: f.hub, channel: f.channel })),
  };
}

/**
 * Audits the connections that are due (their last audit older than the interval, or none) and not
 * leased by another node, keeping each result; `force` audits every connection not being audited now.
 * Returns the results kept by this run.
 */
export async function runDueAudits(
  deps: ChannelSyncFlowDeps & { readRemote?: ReadRemote | undefined },
  ctx: Ctx,
  opts: { owner: string; intervalMs: number; force?: boolean },
): Promise<AuditRecord[]> {
  const started = ctx.clock.now().getTime();
  // A tick runs a little late or early: anything audited in the last 90 % of an interval waits.
  const dueBefore = new Date(opts.force ? started + 1 : started - 0.9 * opts.intervalMs);
  const done = new Set<string>();
  const kept: AuditRecord[] = [];
  for (;;) {
    const claimed = await deps.sync.claimAudits(ctx, {
      owner: opts.owner,
      leaseMs: AUDIT_LEASE_MS,
      dueBefore,
      limit: CLAIM_BATCH,
    });
    const fresh = claimed.filter((id) => !done.has(id));
    for (const id of claimed) if (done.has(id)) await deps.sync.releaseAudit(ctx, id, opts.owner);
    if (fresh.length === 0) return kept;
    for (const id of fresh) {
      done.add(id);
      try {
        const result = await runAudit(deps, ctx, { connectionId: id, remote: true });
        const record = auditRecordOf(result, ctx.clock.now());
        if (record) {
          await deps.sync.saveAudit(ctx, record, opts.owner);
          kept.push(record);
        }
      } catch (err) {
        // The connection deleted meanwhile, or the database away: due again on the next tick.
        await deps.sync.releaseAudit(ctx, id, opts.owner).catch(() => {});
        ctx.log.warn({ err, connectionId: id }, 'consistency audit of a connection failed');
      }
    }
  }
}
