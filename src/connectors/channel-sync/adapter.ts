// What every channel wire format provides: the requests a batch of prepared items becomes (also for
// the dry-run, without sending), and a push that sends them and says what happened to each SKU.
import type { CanonicalItem } from '../../flows/channel-sync/index.js';
import type { ChannelSyncService, ConnectionWithCredentials } from '../../modules/channel-sync/index.js';
import type { Ctx } from '../../platform/context.js';
import type { WireRequest, WireVerdict } from './wire.js';

/** An item whose transform ran: `payload` is its result (undefined = the transform dropped it). */
export interface ReadyItem {
  sku: string;
  item: CanonicalItem;
  payload: unknown;
}

export type SkuOutcome =
  | { sku: string; kind: 'pushed' }
  | { sku: string; kind: 'retry' | 'park'; error: string; statusCode: number | null };

export interface PushResult {
  outcomes: SkuOutcome[];
  requests: number;
  /** 429: pause the connection this long; the items stay queued as they were. */
  pause?: { seconds: number; error: string };
  /** 401/403: pause the connection until an operator resumes it. */
  authError?: string;
}

export interface PushContext {
  ctx: Ctx;
  connection: ConnectionWithCredentials;
  service: Pick<ChannelSyncService, 'refsOf' | 'rememberRefs'>;
  /** Sends one request after taking a token from the connection's bucket. */
  send(req: WireRequest): Promise<WireVerdict>;
  nowSeconds: number;
}

export interface ChannelAdapter {
  push(p: PushContext, items: ReadyItem[]): Promise<PushResult>;
  /** The requests a push would make, nothing sent (unknown external ids are shown as such). */
  preview(p: Omit<PushContext, 'send'>, items: ReadyItem[]): Promise<WireRequest[]>;
  /** One harmless request that succeeds only with working credentials ("Test connection"). */
  check(p: Pick<PushContext, 'connection' | 'nowSeconds'>): WireRequest;
}

/** The verdict of a request that carried these SKUs, for every one of them. */
export function outcomesOf(skus: string[], v: Exclude<WireVerdict, { kind: 'ok' }>, r: PushResult): void {
  if (v.kind === 'pause') r.pause = { seconds: v.seconds, error: v.error };
  else if (v.kind === 'auth') r.authError = v.error;
  else
    for (const sku of skus) r.outcomes.push({ sku, kind: v.kind, error: v.error, statusCode: v.statusCode });
}

/**
 * The channel's own ids of the items' SKUs: remembered ones, the rest looked up `chunkSize` at a time
 * (`lookup` answers what the channel has, or undefined once it recorded in `r` why it failed) and
 * remembered. Items whose SKU the channel does not have are parked with `unknown(sku)`. Undefined
 * when a look-up failed: nothing of this batch can be sent.
 */
export async function resolveRefs(
  p: PushContext,
  items: ReadyItem[],
  r: PushResult,
  opts: {
    chunkSize: number;
    lookup: (skus: string[]) => Promise<Array<{ sku: string; externalId: string }> | undefined>;
    unknown: (sku: string) => string;
  },
): Promise<{ refs: Map<string, string>; known: ReadyItem[] } | undefined> {
  const refs = await p.service.refsOf(
    p.ctx,
    p.connection.id,
    items.map((i) => i.sku),
  );
  const missing = items.map((i) => i.sku).filter((s) => !refs.has(s));
  for (let i = 0; i < missing.length; i += opts.chunkSize) {
    const chunk = missing.slice(i, i + opts.chunkSize);
    const found = await opts.lookup(chunk);
    if (!found) return undefined;
    const mine = found.filter((f) => chunk.includes(f.sku));
    await p.service.rememberRefs(p.ctx, p.connection.id, mine);
    for (const f of mine) refs.set(f.sku, f.externalId);
  }
  const known: ReadyItem[] = [];
  for (const i of items) {
    if (refs.has(i.sku)) known.push(i);
    else r.outcomes.push({ sku: i.sku, kind: 'park', error: opts.unknown(i.sku), statusCode: null });
  }
  return { refs, known };
}
