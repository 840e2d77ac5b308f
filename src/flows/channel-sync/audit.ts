// The consistency audit: per connection, the hub's current truth of every SKU its channel lists (or
// the channel last acknowledged) against what the channel acknowledged and, where the connector can
// read back, against the channel's actual state. Set-based: the truth is read a page of products at
// a time (catalog, available-to-sell and sale prices in one call each), the acknowledgements and the
// queue in one statement per connection, and the comparison runs in memory; never a query per SKU.
import { currencyExponent, pushTo } from '../../kernel/index.js';
import { channelViewScope } from '../../modules/catalog/index.js';
import type {
  Ack,
  AckValue,
  Connection,
  ConnectionHealth,
  ConnectionKind,
  SyncKind,
} from '../../modules/channel-sync/index.js';
import type { Ctx } from '../../platform/context.js';
import { type CanonicalItem, canonicalItemsOf } from './canonical-items.js';
import type { ChannelSyncFlowDeps } from './channel-sync.deps.js';

export const DRIFT_KINDS = ['price', 'title', 'description', 'availability', 'listing', 'campaign'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** What a channel answers about one SKU when read back (fields it does not report are left out). */
export interface RemoteState {
  sku: string;
  availableToSell?: number | null;
  /** Decimal strings, as shops keep them ("14.50"); null: none. */
  price?: string | null;
  salePrice?: string | null;
  title?: string | null;
  description?: string | null;
  listed?: boolean;
}

/** A connector's read-back of the channel's state, or why it could not read. */
export type ReadRemote = (
  ctx: Ctx,
  connection: Connection,
  skus: string[],
) => Promise<Map<string, RemoteState> | { error: string } | undefined>;

export interface DriftFinding {
  connectionId: string;
  channelId: string;
  kind: DriftKind;
  /** The queue kind whose push fixes it. */
  syncKind: SyncKind;
  sku: string;
  /** acknowledged: the value the channel last confirmed; channel: what it answers now. */
  source: 'acknowledged' | 'channel';
  hub: unknown;
  channel: unknown;
  /** Whether a push of it is already queued (pending) or dead-lettered. */
  queued: 'pending' | 'dead' | null;
}

export interface ConnectionAudit {
  connectionId: string;
  channelId: string;
  name: string;
  kind: ConnectionKind;
  status: 'active' | 'paused' | 'disabled';
  skus: number;
  drift: Record<DriftKind, number>;
  total: number;
  /** Age of the oldest queued change (0: nothing waits). */
  oldestDirtySeconds: number;
  lagSeconds: number;
  queueDepth: number;
  deadLettered: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  /** checked | unsupported (the connector cannot read back) | skipped (not asked) | the error. */
  remote: 'checked' | 'unsupported' | 'skipped' | { error: string };
}

export interface AuditResult {
  connections: ConnectionAudit[];
  findings: DriftFinding[];
}

const PAGE = 2000;

/** The value a push of `kind` tells the channel, in the shape acknowledgements are kept. */
export function ackValueOf(item: CanonicalItem, kind: SyncKind, connectionKind: ConnectionKind): AckValue {
  if (kind === 'stock') return { availableToSell: item.availableToSell };
  if (kind === 'price')
    return {
      amount: item.price?.amount ?? null,
      currency: item.price?.currency ?? null,
      sale: item.salePrice?.amount ?? null,
    };
  return {
    listed: item.listed,
    title: item.title,
    // Only the generic format carries the description (WooCommerce and Shopify keep their own).
    description: connectionKind === 'generic' ? item.description : null,
  };
}

/** "14.5" → 1450 in EUR: shops answer decimal strings, the hub compares minor units. */
function minorUnits(decimal: string | null | undefined, currency: string): number | null {
  if (decimal === null || decimal === undefined || decimal === '') return null;
  const n = Number(decimal);
  return Number.isFinite(n) ? Math.round(n * 10 ** currencyExponent(currency)) : null;
}

type Found = Omit<DriftFinding, 'connectionId' | 'channelId' | 'queued'>;

/** Hub truth against one acknowledged or read-back view of the SKU (undefined fields not compared). */
function compare(
  h: CanonicalItem,
  kinds: SyncKind[],
  view: {
    stock?: number | null;
    price?: number | null;
    sale?: number | null;
    listed?: boolean;
    title?: string | null;
    description?: string | null;
  },
  source: Found['source'],
  out: Found[],
) {
  const add = (kind: DriftKind, syncKind: SyncKind, hub: unknown, channel: unknown) =>
    out.push({ kind, syncKind, sku: h.sku, source, hub, channel });
  if (kinds.includes('listing')) {
    if (view.listed !== undefined && view.listed !== h.listed)
      add('listing', 'listing', h.listed, view.listed);
    if (h.listed && view.title !== undefined && view.title !== h.title)
      add('title', 'listing', h.title, view.title);
    if (h.listed && view.description !== undefined && view.description !== h.description)
      add('description', 'listing', h.description, view.description);
  }
  // What the channel does not list gets no stock or price pushes: nothing to compare.
  if (!h.listed) return;
  if (kinds.includes('stock') && view.stock !== undefined && view.stock !== h.availableToSell)
    add('availability', 'stock', h.availableToSell, view.stock);
  if (kinds.includes('price')) {
    const price = h.price?.amount ?? null;
    const sale = h.salePrice?.amount ?? null;
    if (view.price !== undefined && view.price !== price) add('price', 'price', price, view.price);
    if (view.sale !== undefined && view.sale !== sale) add('campaign', 'price', sale, view.sale);
  }
}

/** The acknowledgements of one SKU as one view (a kind never acknowledged: "missing" on a listed SKU). */
function ackedView(acks: Map<string, Ack>, h: CanonicalItem, kinds: SyncKind[], out: Found[]) {
  const stock = acks.get(`stock:${h.sku}`)?.value as { availableToSell: number } | undefined;
  const price = acks.get(`price:${h.sku}`)?.value as
    | { amount: number | null; sale: number | null }
    | undefined;
  const listing = acks.get(`listing:${h.sku}`)?.value as
    | { listed: boolean; title: string | null; description: string | null }
    | undefined;
  if (!listing && !h.listed) return;
  if (h.listed)
    for (const k of kinds) {
      const missing = k === 'stock' ? !stock : k === 'price' ? !price : !listing;
      if (missing)
        out.push({
          kind: k === 'stock' ? 'availability' : k === 'price' ? 'price' : 'listing',
          syncKind: k,
          sku: h.sku,
          source: 'acknowledged',
          hub: k === 'stock' ? h.availableToSell : k === 'price' ? (h.price?.amount ?? null) : true,
          channel: null,
        });
    }
  compare(
    h,
    kinds,
    {
      ...(stock ? { stock: stock.availableToSell } : {}),
      ...(price ? { price: price.amount, sale: price.sale } : {}),
      ...(listing
        ? {
            listed: listing.listed,
            title: listing.title,
            ...(listing.description !== null ? { description: listing.description } : {}),
          }
        : {}),
    },
    'acknowledged',
    out,
  );
}

function remoteView(r: RemoteState | undefined, h: CanonicalItem, connectionKind: ConnectionKind) {
  if (!r) return { listed: false };
  const currency = h.price?.currency ?? 'EUR';
  return {
    ...(r.availableToSell !== undefined ? { stock: r.availableToSell } : {}),
    ...(r.price !== undefined ? { price: minorUnits(r.price, currency) } : {}),
    ...(r.salePrice !== undefined ? { sale: minorUnits(r.salePrice, currency) } : {}),
    ...(r.listed !== undefined ? { listed: r.listed } : {}),
    ...(r.title !== undefined ? { title: r.title } : {}),
    ...(r.description !== undefined && connectionKind === 'generic' ? { description: r.description } : {}),
  };
}

/** The hub's truth of every SKU the channel lists, plus `extra` SKUs (acknowledged, maybe unlisted now). */
async function hubTruth(
  deps: ChannelSyncFlowDeps,
  ctx: Ctx,
  channelId: string,
  extra: (skus: Set<string>) => string[],
): Promise<CanonicalItem[]> {
  const channel = await deps.channels.findChannel(ctx, channelId);
  if (!channel) return [];
  const scope = channelViewScope(channel);
  const all: CanonicalItem[] = [];
  const seen = new Set<string>();
  const changed: SyncKind[] = ['stock', 'price', 'listing'];
  for (let after: string | undefined; ; ) {
    const page = await deps.catalog.channelPage(ctx, scope, { after, limit: PAGE });
    const wanted = page.flatMap((p) => p.variants.map((v) => ({ sku: v.sku, changed })));
    for (const w of wanted) seen.add(w.sku);
    all.push(...(await canonicalItemsOf(deps, ctx, channel, page, wanted)));
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const rest = extra(seen).map((sku) => ({ sku, changed }));
  for (let i = 0; i < rest.length; i += PAGE) {
    const chunk = rest.slice(i, i + PAGE);
    const products = await deps.catalog.channelProducts(
      ctx,
      scope,
      chunk.map((c) => c.sku),
    );
    all.push(...(await canonicalItemsOf(deps, ctx, channel, products, chunk)));
  }
  return all;
}

/** Audits the connections (all, or one); `remote` reads the channels' state back where possible. */
export async function runAudit(
  deps: ChannelSyncFlowDeps & { readRemote?: ReadRemote | undefined },
  ctx: Ctx,
  opts: { connectionId?: string | undefined; remote?: boolean },
): Promise<AuditResult> {
  const health = new Map((await deps.sync.health(ctx)).map((h) => [h.connectionId, h]));
  // Disabled and paused connections too: a sync switched off is exactly what the audit shows.
  const connections = opts.connectionId
    ? [await deps.sync.getConnection(ctx, opts.connectionId)]
    : await deps.sync.listConnections(ctx);
  const byChannel = new Map<string, Connection[]>();
  for (const c of connections) pushTo(byChannel, c.channelId, c);
  // Channels are audited side by side (their reads wait on the database and on the channels).
  const audited = await Promise.all(
    [...byChannel].map(async ([channelId, list]) => {
      const state = await Promise.all(
        list.map(async (c) => {
          const [acks, queued] = await Promise.all([
            deps.sync.acknowledged(ctx, c.id),
            deps.sync.queuedKeys(ctx, c.id),
          ]);
          return { c, acks, queued };
        }),
      );
      // One read of the channel's truth for all its connections: what it lists, plus what any of
      // them acknowledged (a SKU unlisted or gone since is drift on its listing).
      const acked = new Set(state.flatMap((x) => x.acks.map((a) => a.key)));
      const truth = await hubTruth(deps, ctx, channelId, (seen) =>
        [...acked].filter((sku) => !seen.has(sku)),
      );
      return Promise.all(
        state.map((x) => auditConnection(deps, ctx, x, truth, health.get(x.c.id), opts.remote)),
      );
    }),
  );
  const result: AuditResult = { connections: [], findings: [] };
  for (const one of audited.flat()) {
    result.connections.push(one.audit);
    result.findings.push(...one.findings);
  }
  result.connections.sort((a, b) => (a.connectionId < b.connectionId ? -1 : 1));
  return result;
}

async function auditConnection(
  deps: ChannelSyncFlowDeps & { readRemote?: ReadRemote | undefined },
  ctx: Ctx,
  x: { c: Connection; acks: Ack[]; queued: Map<string, 'pending' | 'dead'> },
  truth: CanonicalItem[],
  hh: ConnectionHealth | undefined,
  readBack: boolean | undefined,
): Promise<{ audit: ConnectionAudit; findings: DriftFinding[] }> {
  const { c } = x;
  const byKey = new Map(x.acks.map((a) => [`${a.kind}:${a.key}`, a]));
  const found: Found[] = [];
  for (const h of truth) ackedView(byKey, h, c.push, found);
  let remote: ConnectionAudit['remote'] = 'skipped';
  if (readBack) {
    const read = deps.readRemote
      ? await deps.readRemote(
          ctx,
          c,
          truth.map((h) => h.sku),
        )
      : undefined;
    if (!read) remote = 'unsupported';
    else if (!(read instanceof Map)) remote = { error: read.error };
    else {
      remote = 'checked';
      for (const h of truth)
        if (h.listed || read.has(h.sku))
          compare(h, c.push, remoteView(read.get(h.sku), h, c.kind), 'channel', found);
    }
  }
  const drift = Object.fromEntries(DRIFT_KINDS.map((k) => [k, 0])) as Record<DriftKind, number>;
  const findings: DriftFinding[] = [];
  for (const f of found) {
    drift[f.kind]++;
    findings.push({
      ...f,
      connectionId: c.id,
      channelId: c.channelId,
      queued: x.queued.get(`${f.syncKind}:${f.sku}`) ?? null,
    });
  }
  return {
    findings,
    audit: {
      connectionId: c.id,
      channelId: c.channelId,
      name: c.name,
      kind: c.kind,
      status: c.status,
      skus: truth.length,
      drift,
      total: found.length,
      oldestDirtySeconds: hh && hh.queueDepth > 0 ? hh.lagSeconds : 0,
      lagSeconds: hh?.lagSeconds ?? 0,
      queueDepth: hh?.queueDepth ?? 0,
      deadLettered: hh?.deadLettered ?? 0,
      lastSuccessAt: hh?.lastPushedAt ?? null,
      lastError: hh?.lastError ?? null,
      remote,
    },
  };
}
