// What every dimension shares: channel labels, the "in use" curve, shares and next-step texts.
import type { Channel } from '../../modules/channels/index.js';
import type { Dimension } from './score.types.js';

/** Channels that sell from a catalogue of their own or the hub's (not pure contact channels). */
export const SELLING_TYPES: ReadonlySet<string> = new Set([
  'web',
  'mobile_app',
  'store',
  'marketplace',
  'social',
  'custom',
]);
/** Selling channels the hub serves itself (its storefront, app and tills read stock and prices live). */
export const NATIVE_TYPES: ReadonlySet<string> = new Set(['web', 'mobile_app', 'store']);

export const sellingChannels = (channels: Channel[]) =>
  channels.filter((c) => c.status !== 'archived' && SELLING_TYPES.has(c.type));

export function labeller(channels: Channel[]) {
  const byId = new Map(channels.map((c) => [c.id, c.code]));
  return (id: string | null) => (id === null ? '—' : (byId.get(id) ?? id));
}

/** A share in [0, 1]; 0 of nothing is 0. */
export const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);
export const percent = (part: number, whole: number) => Math.round(100 * share(part, whole));

/**
 * A capability in use: 0 when never used, otherwise 50 rising to 100 as its share of the
 * opportunities reaches `target` (so any use counts, and full marks need it to be common).
 */
export function usage(count: number, opportunities: number, target: number): number {
  if (count === 0) return 0;
  const s = opportunities > 0 ? count / opportunities : 1;
  return Math.round(100 * Math.min(1, 0.5 + (0.5 * s) / target));
}

export const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

export const NEXT_STEPS = {
  keep_going: 'Measured well: keep it up and watch the figures for drops.',
  identify_customers:
    'Ask for an email or loyalty card at the till, offer sign-in on the webshop and app, and send identify calls from every source on {channels}.',
  connect_sync: 'Connect a channel sync (stock, prices and listings) for {channels}.',
  resume_sync: 'Resume the paused or disabled sync of {channels}, after fixing its credentials.',
  fix_sync: 'Sync of {channels} lags or parks items: look at its failures and replay them.',
  cover_sync: 'Push all of stock, prices and listings to {channels}.',
  fix_drift:
    'Prices, stock or listings on {channels} differ from the hub: run the fixes listed in the consistency audit.',
  audit_sync:
    'No consistency audit of {channels} in the last two intervals: check that the hub runs its background jobs, or run the audit now.',
  use_handoffs: 'Show the cart hand-off code (QR) on the webshop and app, and let tills open a cart by it.',
  connect_inbox: 'Connect email, chat or WhatsApp to the inbox so conversations reach the unified timeline.',
  link_conversations:
    'Link conversations to customer profiles (by email or phone, or by hand in the inbox) and add a second channel kind.',
  create_campaign: 'Create a campaign valid on every channel.',
  widen_campaigns: 'Open the campaigns narrowed to some channels to every channel where that makes sense.',
  enable_loyalty: 'Switch the loyalty programme on.',
  earn_everywhere: 'Let customers earn points on {channels}.',
  promote_wallet:
    'Promote the wallet (points, gift cards, store credit) on {channels}, where nobody used it yet.',
  offer_click_collect: 'Offer click & collect on the webshop and app with pickup in the stores.',
  accept_returns_anywhere: 'Accept online orders back at the store tills (return anywhere).',
} as const;
export type NextStepCode = keyof typeof NEXT_STEPS;

export function nextStep(code: NextStepCode, channels: string[] = []): Dimension['nextStep'] {
  return { code, channels, text: NEXT_STEPS[code].replace('{channels}', channels.join(', ')) };
}
