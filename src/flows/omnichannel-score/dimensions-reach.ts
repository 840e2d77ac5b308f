// Dimensions about reaching the same customer everywhere: profiles behind orders and events, carts
// that cross channels, and conversations on the unified timeline (channels in sync: dimension-sync.ts).
// Pure functions of the measured figures.

import type { Dimension, Measured } from './score.types.js';
import { clamp, labeller, nextStep, percent, share, usage } from './score-parts.js';

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
