// The "channels in sync" dimension: every selling channel either read live from the hub or pushed
// to by a channel sync that is active, keeps up, and (by the periodic consistency audit's last
// result, read back from the channel) actually shows the hub's prices, stock and listings. A pure
// function of the measured figures: the audit itself runs in the background, never here.
import type { AuditRecord, Connection, ConnectionHealth } from '../../modules/channel-sync/index.js';
import type { Dimension, Measured } from './score.types.js';
import { clamp, labeller, NATIVE_TYPES, nextStep, sellingChannels } from './score-parts.js';

const SYNC_KINDS = ['stock', 'price', 'listing'] as const;
const LAG_LIMIT_S = 15 * 60;
/** Any drift on a pushed kind costs it a quarter (as parked items do), plus the share of SKUs drifted. */
const DRIFT_FLOOR = 0.25;
/** A channel the audit could not read back counts at most half: nobody knows what it shows. */
const FAILING = 0.5;
const DRIFT_SAMPLE = 10;

/** fresh: audited within two intervals; failing: the read-back failed; stale / none: unknown evidence. */
type AuditState = 'fresh' | 'failing' | 'stale' | 'none';

function auditState(audit: AuditRecord | undefined, m: Measured): AuditState {
  if (!audit) return 'none';
  if (m.now.getTime() - audit.auditedAt.getTime() > 2 * m.sync.auditIntervalSeconds * 1000) return 'stale';
  return audit.remote === 'error' ? 'failing' : 'fresh';
}

/** A pushed kind's consistency by the last audit; unknown evidence (stale, none) is not counted. */
function consistency(audit: AuditRecord | undefined, state: AuditState, kind: string): number {
  if (!audit || state === 'stale' || state === 'none') return 1;
  const drifted = audit.driftBySync[kind as keyof AuditRecord['driftBySync']] ?? 0;
  const c = drifted === 0 ? 1 : Math.max(0, 1 - DRIFT_FLOOR - drifted / Math.max(1, audit.skus));
  return state === 'failing' ? Math.min(FAILING, c) : c;
}

/** 0 paused or disabled, −½ when it lags over 15 min, −¼ when it parks items. */
function healthOf(x: Connection, h: ConnectionHealth | undefined, now: number): number {
  const stopped = x.status !== 'active' || (h?.pausedUntil && h.pausedUntil.getTime() > now);
  if (stopped) return 0;
  return 1 - ((h?.lagSeconds ?? 0) > LAG_LIMIT_S ? 0.5 : 0) - ((h?.deadLettered ?? 0) > 0 ? 0.25 : 0);
}

interface ConnectedChannel {
  value: number;
  flag: 'paused' | 'lagging' | 'drifted' | 'partial' | 'unknown' | null;
  values: Dimension['perChannel'][number]['values'];
}

/** A connected channel: per kind, its best connection's health × consistency, and the evidence. */
function connectedChannel(m: Measured, conns: Connection[]): ConnectedChannel {
  const now = m.now.getTime();
  const healthById = new Map(m.sync.health.map((h) => [h.connectionId, h]));
  const audits = conns.map((x) => {
    const audit = m.sync.audits.find((a) => a.connectionId === x.id);
    return { x, audit, state: auditState(audit, m) };
  });
  let value = 0;
  for (const kind of SYNC_KINDS) {
    let best = 0;
    for (const { x, audit, state } of audits.filter((y) => y.x.push.includes(kind)))
      best = Math.max(best, healthOf(x, healthById.get(x.id), now) * consistency(audit, state, kind));
    value += best / SYNC_KINDS.length;
  }
  const hs = conns.map((x) => healthById.get(x.id));
  const known = audits.filter((a) => a.state === 'fresh' || a.state === 'failing');
  const drifted = known.reduce(
    (s, a) => s + Object.values(a.audit!.driftBySync).reduce((t, n) => t + n, 0),
    0,
  );
  const flag: ConnectedChannel['flag'] = conns.some((x) => x.status !== 'active')
    ? 'paused'
    : hs.some((h) => h && (h.lagSeconds > LAG_LIMIT_S || h.deadLettered > 0)) ||
        known.some((a) => a.state === 'failing')
      ? 'lagging'
      : drifted > 0
        ? 'drifted'
        : value < 1
          ? 'partial'
          : known.length < audits.length
            ? 'unknown'
            : null;
  // The weakest evidence of the channel's connections is what the page shows.
  const order: AuditState[] = ['none', 'stale', 'failing', 'fresh'];
  const weakest = audits.map((a) => a.state).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
  const lastAudit = latest(known.map((a) => a.audit!.auditedAt));
  return {
    value,
    flag,
    values: {
      mode: 'connection',
      value: Math.round(100 * value),
      push: [...new Set(conns.flatMap((x) => x.push))].join(', '),
      status: conns.map((x) => x.status).join(', '),
      lagSeconds: Math.max(...hs.map((h) => Math.round(h?.lagSeconds ?? 0))),
      queueDepth: hs.reduce((s, h) => s + (h?.queueDepth ?? 0), 0),
      failed: hs.reduce((s, h) => s + (h?.failed ?? 0), 0),
      deadLettered: hs.reduce((s, h) => s + (h?.deadLettered ?? 0), 0),
      lastPushedAt: latest(hs.map((h) => h?.lastPushedAt ?? null)),
      audit: `audit_${weakest}`,
      lastAuditAt: lastAudit,
      auditAgeMinutes: lastAudit ? Math.round((now - Date.parse(lastAudit)) / 60_000) : null,
      checked: known.reduce((s, a) => s + a.audit!.skus, 0),
      drifted,
    },
  };
}

export function syncDimension(m: Measured): Dimension {
  const selling = sellingChannels(m.channels);
  const perChannel: Dimension['perChannel'] = [];
  const flagged: Record<NonNullable<ConnectedChannel['flag']> | 'missing', string[]> = {
    missing: [],
    paused: [],
    lagging: [],
    drifted: [],
    partial: [],
    unknown: [],
  };
  let total = 0;
  for (const c of selling) {
    const conns = m.sync.connections.filter((x) => x.channelId === c.id);
    if (conns.length === 0) {
      const native = NATIVE_TYPES.has(c.type);
      total += native ? 1 : 0;
      if (!native) flagged.missing.push(c.code);
      const values = { mode: native ? 'live' : 'none', value: native ? 100 : 0 };
      perChannel.push({ channelId: c.id, label: c.code, values });
      continue;
    }
    const r = connectedChannel(m, conns);
    total += r.value;
    if (r.flag) flagged[r.flag].push(c.code);
    perChannel.push({ channelId: c.id, label: c.code, values: r.values });
  }
  const score = selling.length ? clamp((100 * total) / selling.length) : 0;
  const connected = perChannel.filter((r) => r.values.mode === 'connection');
  return {
    key: 'sync',
    score,
    formula:
      '100 × Σ per selling channel (the hub’s own web, app and stores read it live = 1; others: per pushed kind of stock, price, listing ⅓ × health × consistency; health: 0 paused or disabled, −½ lag over 15 min, −¼ parked items; consistency by the last audit within two intervals: 1 − ¼ − drifted SKUs ÷ SKUs checked when any drifted, at most ½ when the channel could not be read back, not counted when the audit is older or missing) ÷ selling channels',
    figures: {
      sellingChannels: selling.length,
      live: perChannel.filter((r) => r.values.mode === 'live').length,
      connected: connected.length,
      unconnected: flagged.missing.length,
      paused: flagged.paused.length,
      audited: connected.filter((r) => r.values.audit === 'audit_fresh').length,
      auditUnknown: connected.filter(
        (r) => r.values.audit === 'audit_none' || r.values.audit === 'audit_stale',
      ).length,
      driftedItems: connected.reduce((s, r) => s + Number(r.values.drifted ?? 0), 0),
    },
    perChannel,
    sample: [...driftSample(m), ...connectionSample(m)],
    nextStep: stepOf(flagged),
  };
}

/** The most urgent first: a sync switched off, then wrong prices or stock being sold from now. */
function stepOf(f: Record<string, string[]>): Dimension['nextStep'] {
  if (f.paused!.length) return nextStep('resume_sync', f.paused);
  if (f.drifted!.length) return nextStep('fix_drift', f.drifted);
  if (f.missing!.length) return nextStep('connect_sync', f.missing);
  if (f.lagging!.length) return nextStep('fix_sync', f.lagging);
  if (f.partial!.length) return nextStep('cover_sync', f.partial);
  if (f.unknown!.length) return nextStep('audit_sync', f.unknown);
  return nextStep('keep_going');
}

/** The drifted items of the fresh audits: SKU, field, channel, and the hub's value against the channel's. */
function driftSample(m: Measured): Dimension['sample'] {
  const label = labeller(m.channels);
  const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  return m.sync.audits
    .filter((a) => auditState(a, m) !== 'stale')
    .flatMap((a) =>
      a.sample.map((f) => ({
        kind: 'drift',
        id: f.sku,
        label: `${f.kind} · ${label(a.channelId)} · ${show(f.hub)} ≠ ${show(f.channel)}`,
      })),
    )
    .slice(0, DRIFT_SAMPLE);
}

function connectionSample(m: Measured): Dimension['sample'] {
  const label = labeller(m.channels);
  return m.sync.connections.slice(0, 5).map((x) => ({
    kind: 'connection',
    id: x.id,
    label: `${x.kind} → ${label(x.channelId)} · ${x.status} · ${x.push.join('+')}`,
  }));
}

function latest(dates: Array<Date | null>): string | null {
  const ts = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return ts.length ? new Date(Math.max(...ts)).toISOString() : null;
}
