// Dimensions about reaching the same customer everywhere: profiles behind orders and events, channels
// in sync, carts that cross channels, and conversations on the unified timeline. Pure functions of the
// measured figures.

import type { Dimension, Measured } from './score.types.js';
import {
  clamp,
  labeller,
  NATIVE_TYPES,
  nextStep,
  percent,
  sellingChannels,
  share,
  usage,
} from './score-parts.js';

const LOW_SHARE = 60;

export function identityDimension(m: Measured): Dimension {
  const label = labeller(m.channels);
  const rows = new Map<
    string | null,
    { orders: number; ordersKnown: number; events: number; eventsKnown: number }
  >();
  const row = (id: string | null) => {
    const r = rows.get(id) ?? { orders: 0, ordersKnown: 0, events: 0, eventsKnown: 0 };
    rows.set(id, r);
    return r;
  };
  for (const o of m.orders.perChannel)
    Object.assign(row(o.channelId), { orders: o.orders, ordersKnown: o.withCustomer });
  for (const e of m.events.perChannel)
    Object.assign(row(e.channelId), { events: e.events, eventsKnown: e.known });
  const t = { orders: 0, ordersKnown: 0, events: 0, eventsKnown: 0 };
  for (const r of rows.values()) for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += r[k];
  const parts = [
    t.orders > 0 ? share(t.ordersKnown, t.orders) : null,
    t.events > 0 ? share(t.eventsKnown, t.events) : null,
  ];
  const known = parts.filter((p): p is number => p !== null);
  const score = known.length ? clamp((100 * known.reduce((a, b) => a + b, 0)) / known.length) : 0;
  const perChannel = [...rows].map(([id, r]) => ({
    channelId: id,
    label: label(id),
    values: {
      ...r,
      ordersKnownPct: percent(r.ordersKnown, r.orders),
      eventsKnownPct: percent(r.eventsKnown, r.events),
    },
  }));
  const weak = perChannel
    .filter((r) => r.channelId !== null && r.values.orders + r.values.events > 0)
    .filter(
      (r) =>
        Math.min(
          r.values.orders ? r.values.ordersKnownPct : 100,
          r.values.events ? r.values.eventsKnownPct : 100,
        ) < LOW_SHARE,
    )
    .map((r) => r.label);
  return {
    key: 'identity',
    score,
    formula:
      '100 × mean(orders with a customer ÷ orders, events on a known profile ÷ events), over the channels together',
    figures: {
      ...t,
      ordersKnownPct: percent(t.ordersKnown, t.orders),
      eventsKnownPct: percent(t.eventsKnown, t.events),
    },
    perChannel,
    sample: [
      ...m.orders.samples.anonymous.map((o) => ({
        kind: 'order',
        id: o.id,
        label: `${o.number} · ${label(o.channelId)}`,
      })),
      ...m.events.anonymousSample.map((e) => ({
        kind: 'event',
        id: e.id,
        label: `${e.kind}${e.name ? ` ${e.name}` : ''} · ${label(e.channelId)}`,
      })),
    ],
    nextStep:
      score >= 80 && weak.length === 0 ? nextStep('keep_going') : nextStep('identify_customers', weak),
  };
}

const SYNC_KINDS = ['stock', 'price', 'listing'] as const;
const LAG_LIMIT_S = 15 * 60;

export function syncDimension(m: Measured): Dimension {
  const selling = sellingChannels(m.channels);
  const healthOf = new Map(m.sync.health.map((h) => [h.connectionId, h]));
  const now = m.now.getTime();
  const perChannel: Dimension['perChannel'] = [];
  const missing: string[] = [];
  const paused: string[] = [];
  const lagging: string[] = [];
  const partial: string[] = [];
  let total = 0;
  for (const c of selling) {
    const conns = m.sync.connections.filter((x) => x.channelId === c.id);
    if (conns.length === 0) {
      const native = NATIVE_TYPES.has(c.type);
      total += native ? 1 : 0;
      if (!native) missing.push(c.code);
      perChannel.push({
        channelId: c.id,
        label: c.code,
        values: { mode: native ? 'live' : 'none', value: native ? 100 : 0 },
      });
      continue;
    }
    // Per kind, the healthiest connection pushing it: 0 paused or disabled, halved when it lags, ¾ when it parks items.
    let value = 0;
    for (const kind of SYNC_KINDS) {
      let best = 0;
      for (const x of conns.filter((y) => y.push.includes(kind))) {
        const h = healthOf.get(x.id);
        const stopped = x.status !== 'active' || (h?.pausedUntil && h.pausedUntil.getTime() > now);
        const health = stopped
          ? 0
          : 1 - ((h?.lagSeconds ?? 0) > LAG_LIMIT_S ? 0.5 : 0) - ((h?.deadLettered ?? 0) > 0 ? 0.25 : 0);
        best = Math.max(best, health);
      }
      value += best / SYNC_KINDS.length;
    }
    total += value;
    const hs = conns.map((x) => healthOf.get(x.id));
    if (conns.some((x) => x.status !== 'active')) paused.push(c.code);
    else if (hs.some((h) => h && (h.lagSeconds > LAG_LIMIT_S || h.deadLettered > 0))) lagging.push(c.code);
    else if (value < 1) partial.push(c.code);
    perChannel.push({
      channelId: c.id,
      label: c.code,
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
      },
    });
  }
  const score = selling.length ? clamp((100 * total) / selling.length) : 0;
  const step = paused.length
    ? nextStep('resume_sync', paused)
    : missing.length
      ? nextStep('connect_sync', missing)
      : lagging.length
        ? nextStep('fix_sync', lagging)
        : partial.length
          ? nextStep('cover_sync', partial)
          : nextStep('keep_going');
  const label = labeller(m.channels);
  return {
    key: 'sync',
    score,
    formula:
      '100 × Σ per selling channel (the hub’s own web, app and stores read it live = 1; others: per pushed kind of stock, price, listing ⅓ × health: 0 paused or disabled, −½ lag over 15 min, −¼ parked items) ÷ selling channels',
    figures: {
      sellingChannels: selling.length,
      live: perChannel.filter((r) => r.values.mode === 'live').length,
      connected: perChannel.filter((r) => r.values.mode === 'connection').length,
      unconnected: missing.length,
      paused: paused.length,
    },
    perChannel,
    sample: m.sync.connections.slice(0, 5).map((x) => ({
      kind: 'connection',
      id: x.id,
      label: `${x.kind} → ${label(x.channelId)} · ${x.status} · ${x.push.join('+')}`,
    })),
    nextStep: step,
  };
}

function latest(dates: Array<Date | null>): string | null {
  const ts = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return ts.length ? new Date(Math.max(...ts)).toISOString() : null;
}

const HANDOFF_TARGET = 0.05;

export function handoffDimension(m: Measured): Dimension {
  const label = labeller(m.channels);
  const crossed = m.carts.crossings.reduce((s, x) => s + x.carts, 0);
  const made = m.carts.made.reduce((s, x) => s + x.carts, 0);
  const score = usage(crossed, made, HANDOFF_TARGET);
  return {
    key: 'handoffs',
    score,
    formula: '0 if no cart changed channel, else 50 + 50 × min(1, (carts moved ÷ carts made) ÷ 5 %)',
    figures: { cartsMade: made, cartsMoved: crossed, movedPct: percent(crossed, made) },
    perChannel: m.carts.crossings.map((x) => ({
      channelId: x.toChannelId,
      label: `${label(x.fromChannelId)} → ${label(x.toChannelId)}`,
      values: { carts: x.carts },
    })),
    sample: m.carts.sample.map((x) => ({
      kind: 'cart',
      id: x.cartId,
      label: `${label(x.fromChannelId)} → ${label(x.toChannelId)}`,
    })),
    nextStep: score >= 80 ? nextStep('keep_going') : nextStep('use_handoffs'),
  };
}

export function conversationsDimension(m: Measured): Dimension {
  const c = m.conversations;
  const kinds = c.kinds.length;
  const score =
    c.conversations === 0 ? 0 : clamp(70 * share(c.linked, c.conversations) + 30 * Math.min(1, kinds / 3));
  return {
    key: 'conversations',
    score,
    formula:
      '70 × conversations linked to a profile ÷ conversations + 30 × min(1, channel kinds in use ÷ 3); 0 without conversations',
    figures: {
      conversations: c.conversations,
      linked: c.linked,
      linkedPct: percent(c.linked, c.conversations),
      multiChannel: c.multiChannel,
      kindsInUse: kinds,
    },
    perChannel: c.kinds.map((k) => ({
      channelId: null,
      label: k.kind,
      values: {
        conversations: k.conversations,
        linked: k.linked,
        linkedPct: percent(k.linked, k.conversations),
      },
    })),
    sample: c.unlinkedSample.map((x) => ({
      kind: 'conversation',
      id: x.id,
      label: x.channelKinds.join(', '),
    })),
    nextStep:
      c.conversations === 0
        ? nextStep('connect_inbox')
        : score >= 80
          ? nextStep('keep_going')
          : nextStep('link_conversations'),
  };
}
