// Dimensions about offering the same things everywhere: campaigns valid on every channel, loyalty
// usable everywhere, click & collect and returns anywhere in use. Pure functions of the figures.

import type { Dimension, Measured } from './score.types.js';
import { clamp, labeller, nextStep, percent, sellingChannels, usage } from './score-parts.js';

export function campaignsDimension(m: Measured): Dimension {
  const selling = sellingChannels(m.channels);
  const everywhere = (ids: string[] | null) => ids === null || selling.every((c) => ids.includes(c.id));
  const total = m.campaigns.reduce((s, x) => s + x.campaigns, 0);
  const valid = m.campaigns.filter((x) => everywhere(x.channelIds)).reduce((s, x) => s + x.campaigns, 0);
  const score = clamp(total ? (100 * valid) / total : 0);
  const onChannel = (id: string) =>
    m.campaigns
      .filter((x) => x.channelIds === null || x.channelIds.includes(id))
      .reduce((s, x) => s + x.campaigns, 0);
  const label = labeller(m.channels);
  return {
    key: 'campaigns',
    score,
    formula: '100 × active campaigns valid on every selling channel ÷ active campaigns; 0 without campaigns',
    figures: { activeCampaigns: total, everyChannel: valid, narrowed: total - valid },
    perChannel: selling.map((c) => ({
      channelId: c.id,
      label: c.code,
      values: { campaigns: onChannel(c.id) },
    })),
    sample: m.campaigns
      .filter((x) => !everywhere(x.channelIds))
      .flatMap((x) =>
        x.sample.map((s) => ({
          kind: 'campaign',
          id: s.id,
          label: `${s.name} · ${(x.channelIds ?? []).map(label).join(', ')}`,
        })),
      )
      .slice(0, 5),
    nextStep:
      total === 0
        ? nextStep('create_campaign')
        : score >= 80
          ? nextStep('keep_going')
          : nextStep('widen_campaigns'),
  };
}

export function loyaltyDimension(m: Measured): Dimension {
  const selling = sellingChannels(m.channels);
  const { rules, use } = m.loyalty;
  const rate = (id: string) => (rules.enabled ? (rules.channels[id] ?? rules.pointsPerUnit) : 0);
  const usedOn = new Map(use.map((u) => [u.channelId, u]));
  const earning = selling.filter((c) => rate(c.id) > 0);
  const used = selling.filter((c) => (usedOn.get(c.id)?.entries ?? 0) > 0);
  const n = selling.length;
  const score = n ? clamp(60 * (earning.length / n) + 40 * (used.length / n)) : 0;
  const notEarning = selling.filter((c) => rate(c.id) <= 0).map((c) => c.code);
  const unused = selling.filter((c) => !usedOn.get(c.id)?.entries).map((c) => c.code);
  return {
    key: 'loyalty',
    score,
    formula:
      '60 × selling channels where points are earned ÷ selling channels + 40 × selling channels where the wallet was used ÷ selling channels',
    figures: {
      sellingChannels: n,
      earning: earning.length,
      used: used.length,
      programmeOn: rules.enabled ? 1 : 0,
    },
    perChannel: selling.map((c) => {
      const u = usedOn.get(c.id);
      return {
        channelId: c.id,
        label: c.code,
        values: {
          pointsPerUnit: rate(c.id),
          earned: u?.earned ?? 0,
          redeemed: u?.redeemed ?? 0,
          entries: u?.entries ?? 0,
        },
      };
    }),
    sample: [],
    nextStep: !rules.enabled
      ? nextStep('enable_loyalty')
      : notEarning.length
        ? nextStep('earn_everywhere', notEarning)
        : unused.length
          ? nextStep('promote_wallet', unused)
          : nextStep('keep_going'),
  };
}

const CLICK_COLLECT_TARGET = 0.1;
const RETURN_ANYWHERE_TARGET = 0.1;

export function clickCollectDimension(m: Measured): Dimension {
  const online = new Set(
    m.channels.filter((c) => c.type === 'web' || c.type === 'mobile_app').map((c) => c.id),
  );
  const label = labeller(m.channels);
  const rows = m.orders.perChannel;
  const pickup = rows.reduce((s, r) => s + r.pickup, 0);
  const onlineOrders = rows.filter((r) => online.has(r.channelId)).reduce((s, r) => s + r.orders, 0);
  const score = usage(pickup, onlineOrders, CLICK_COLLECT_TARGET);
  return {
    key: 'click_collect',
    score,
    formula:
      '0 without click & collect orders, else 50 + 50 × min(1, (click & collect orders ÷ web and app orders) ÷ 10 %)',
    figures: { onlineOrders, clickCollect: pickup, clickCollectPct: percent(pickup, onlineOrders) },
    perChannel: rows.map((r) => ({
      channelId: r.channelId,
      label: label(r.channelId),
      values: { orders: r.orders, clickCollect: r.pickup, clickCollectPct: percent(r.pickup, r.orders) },
    })),
    sample: m.orders.samples.pickup.map((o) => ({
      kind: 'order',
      id: o.id,
      label: `${o.number} · ${label(o.channelId)}`,
    })),
    nextStep: score >= 80 ? nextStep('keep_going') : nextStep('offer_click_collect'),
  };
}

export function returnAnywhereDimension(m: Measured): Dimension {
  const label = labeller(m.channels);
  const total = m.orders.returns.reduce((s, r) => s + r.returns, 0);
  const elsewhere = m.orders.returns
    .filter((r) => r.returnedOn !== null && r.returnedOn !== r.soldOn)
    .reduce((s, r) => s + r.returns, 0);
  const score = usage(elsewhere, total, RETURN_ANYWHERE_TARGET);
  return {
    key: 'return_anywhere',
    score,
    formula:
      '0 without returns on another channel than the sale, else 50 + 50 × min(1, (such returns ÷ returns) ÷ 10 %)',
    figures: { returns: total, elsewhere, elsewherePct: percent(elsewhere, total) },
    perChannel: m.orders.returns.map((r) => ({
      channelId: r.returnedOn,
      label: `${label(r.soldOn)} → ${label(r.returnedOn)}`,
      values: { returns: r.returns },
    })),
    sample: m.orders.samples.returnedElsewhere.map((o) => ({
      kind: 'order',
      id: o.id,
      label: `${o.number} · ${label(o.channelId)}`,
    })),
    nextStep: score >= 80 ? nextStep('keep_going') : nextStep('accept_returns_anywhere'),
  };
}
