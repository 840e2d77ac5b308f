// Pure profile arithmetic: traits (newest wins), channel statistics, orders and the journey stage
// of a cluster (a root profile and the profiles merged into it). No SQL here.
import { currencyExponent } from '../../kernel/index.js';
import type { ChannelStat, JourneyStage, StageThresholds, Traits } from './customers.types.js';

/** A profile row as the service holds it (timestamps as ISO strings, which sort correctly). */
export interface ProfileState {
  id: string;
  mergedInto: string | null;
  status: string;
  traits: Traits;
  channelStats: Record<string, ChannelStat>;
  eventCount: number;
  orderCount: number;
  lifetimeValue: Record<string, number>;
  lastOrderAt: string | null;
  lastCartAt: string | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  stage: JourneyStage;
  stageChangedAt: string | null;
  createdChannelId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function emptyProfile(id: string, channelId: string | null, now: string): ProfileState {
  return {
    id,
    mergedInto: null,
    status: 'active',
    traits: {},
    channelStats: {},
    eventCount: 0,
    orderCount: 0,
    lifetimeValue: {},
    lastOrderAt: null,
    lastCartAt: null,
    firstSeenAt: null,
    lastSeenAt: null,
    stage: 'visitor',
    stageChangedAt: null,
    createdChannelId: channelId,
    createdAt: now,
    updatedAt: now,
  };
}

const maxIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const minIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** Sets traits that are newer than what the profile holds; returns the keys whose value changed. */
export function applyTraits(
  p: ProfileState,
  traits: Record<string, unknown>,
  channelId: string | null,
  at: string,
): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(traits)) {
    if (value === undefined) continue;
    const current = p.traits[key];
    if (current && current.at > at) continue;
    if (!current || JSON.stringify(current.value) !== JSON.stringify(value)) changed.push(key);
    p.traits[key] = { value, channelId, at };
  }
  return changed;
}

export interface EventFacts {
  channelId: string | null;
  at: string;
  kind: string;
  name: string | null;
  properties: Record<string, unknown>;
}

/** Counts one stored event into the profile it landed on. */
export function applyEvent(p: ProfileState, e: EventFacts, thresholds: StageThresholds): void {
  p.eventCount += 1;
  p.firstSeenAt = minIso(p.firstSeenAt, e.at);
  p.lastSeenAt = maxIso(p.lastSeenAt, e.at);
  if (e.channelId) {
    const s = p.channelStats[e.channelId];
    if (!s) p.channelStats[e.channelId] = { first: e.at, last: e.at, count: 1 };
    else {
      s.first = minIso(s.first, e.at)!;
      s.last = maxIso(s.last, e.at)!;
      s.count += 1;
    }
  }
  if (e.kind !== 'track' || !e.name) return;
  if (thresholds.cartEvents.includes(e.name)) p.lastCartAt = maxIso(p.lastCartAt, e.at);
  if (thresholds.orderEvents.includes(e.name)) {
    p.orderCount += 1;
    p.lastOrderAt = maxIso(p.lastOrderAt, e.at);
    const value = orderValue(e.properties);
    if (value) p.lifetimeValue[value.currency] = (p.lifetimeValue[value.currency] ?? 0) + value.amount;
  }
  if ((thresholds.refundEvents ?? DEFAULT_REFUND_EVENTS).includes(e.name)) {
    const value = orderValue(e.properties);
    if (value) p.lifetimeValue[value.currency] = (p.lifetimeValue[value.currency] ?? 0) - value.amount;
  }
}

const DEFAULT_REFUND_EVENTS = ['Order Refunded'];

/** Whether a track event of this name changes the lifetime value (an order, or a refund). */
export const movesLifetimeValue = (name: string, thresholds: StageThresholds): boolean =>
  thresholds.orderEvents.includes(name) || (thresholds.refundEvents ?? DEFAULT_REFUND_EVENTS).includes(name);

/** Segment's ecommerce spec sends revenue/total as decimals; we keep integer minor units. */
export function orderValue(props: Record<string, unknown>): { amount: number; currency: string } | null {
  const raw = props.total ?? props.revenue ?? props.value;
  const n = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const currency =
    typeof props.currency === 'string' && /^[A-Za-z]{3}$/.test(props.currency)
      ? props.currency.toUpperCase()
      : 'USD';
  return { amount: Math.round(n * 10 ** currencyExponent(currency)), currency };
}

export interface ClusterFacts {
  eventCount: number;
  orderCount: number;
  lastOrderAt: string | null;
  lastCartAt: string | null;
  identified: boolean;
}

export function clusterFacts(profiles: ProfileState[], identified: boolean): ClusterFacts {
  let eventCount = 0;
  let orderCount = 0;
  let lastOrderAt: string | null = null;
  let lastCartAt: string | null = null;
  for (const p of profiles) {
    eventCount += p.eventCount;
    orderCount += p.orderCount;
    lastOrderAt = maxIso(lastOrderAt, p.lastOrderAt);
    lastCartAt = maxIso(lastCartAt, p.lastCartAt);
  }
  return { eventCount, orderCount, lastOrderAt, lastCartAt, identified };
}

const DAY_MS = 86_400_000;

/** visitor → engaged → cart abandoner → first-time buyer → repeat → loyal → at risk → lapsed. */
export function journeyStage(f: ClusterFacts, t: StageThresholds, now: Date): JourneyStage {
  if (f.orderCount > 0 && f.lastOrderAt) {
    const idleDays = (now.getTime() - new Date(f.lastOrderAt).getTime()) / DAY_MS;
    if (idleDays >= t.lapsedDays) return 'lapsed';
    if (idleDays >= t.atRiskDays) return 'at_risk';
    if (f.orderCount >= t.loyalMinOrders) return 'loyal';
    if (f.orderCount >= 2) return 'repeat';
    return 'first_time_buyer';
  }
  if (f.lastCartAt && (!f.lastOrderAt || f.lastCartAt > f.lastOrderAt)) {
    const idleMs = now.getTime() - new Date(f.lastCartAt).getTime();
    // A cart being filled right now is engagement; left alone for the window, it is abandoned.
    return idleMs >= t.cartIdleMinutes * 60_000 ? 'cart_abandoner' : 'engaged';
  }
  if (f.identified || f.eventCount >= t.engagedMinEvents) return 'engaged';
  return 'visitor';
}

/** The traits a cluster shows: for each key, the newest value among its profiles. */
export function clusterTraits(profiles: ProfileState[]): Traits {
  const out: Traits = {};
  for (const p of profiles) {
    for (const [k, v] of Object.entries(p.traits)) {
      const cur = out[k];
      if (!cur || v.at > cur.at) out[k] = v;
    }
  }
  return out;
}

export function clusterChannels(profiles: ProfileState[]): Record<string, ChannelStat> {
  const out: Record<string, ChannelStat> = {};
  for (const p of profiles) {
    for (const [ch, s] of Object.entries(p.channelStats)) {
      const cur = out[ch];
      if (!cur) out[ch] = { ...s };
      else {
        cur.first = minIso(cur.first, s.first)!;
        cur.last = maxIso(cur.last, s.last)!;
        cur.count += s.count;
      }
    }
  }
  return out;
}
