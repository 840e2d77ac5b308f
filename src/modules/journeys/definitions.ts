// The journeys a hub runs, in code: what starts a run, what ends it, its purpose (the consent asked
// at send time) and its steps. A step waits (from the run's start for the first, from the previous
// step after), then queues one message whose channel format is chosen at send time from the order.

export const JOURNEY_KEYS = [
  'abandoned_cart',
  'pickup_ready',
  'back_in_stock',
  'post_purchase',
  'win_back',
  'tier_reached',
  'birthday',
] as const;
export type JourneyKey = (typeof JOURNEY_KEYS)[number];

export interface JourneyStep {
  /** Seconds after the previous step (the first: the journey's delay setting when 'delay'). */
  after: number | 'delay';
  template: string;
  /** The step's own purpose when it differs from the journey's (a thank-you needs no opt-in, a review request does). */
  purpose?: 'marketing' | 'transactional';
}

export interface JourneyDefinition {
  key: JourneyKey;
  /** marketing needs an opt-in; transactional is refused only by a denial or a suppression. */
  purpose: 'marketing' | 'transactional';
  /** Marketing respects quiet hours and frequency caps; a pickup notice does not wait. */
  steps: JourneyStep[];
  defaults: { enabled: boolean; delaySeconds: number; channelOrder: string[] };
}

// The journeys that message every buyer (post-purchase, win-back, tier reached, birthday) are off until the
// retailer turns them on: a hub upgraded to them must not start mailing its customers unasked.
export const JOURNEYS: Record<JourneyKey, JourneyDefinition> = {
  abandoned_cart: {
    key: 'abandoned_cart',
    purpose: 'marketing',
    steps: [
      { after: 'delay', template: 'abandoned_cart' },
      { after: 24 * 3600, template: 'abandoned_cart' },
    ],
    defaults: { enabled: true, delaySeconds: 3600, channelOrder: ['email', 'whatsapp', 'sms'] },
  },
  pickup_ready: {
    key: 'pickup_ready',
    purpose: 'transactional',
    steps: [
      { after: 0, template: 'pickup_ready' },
      { after: 24 * 3600, template: 'pickup_ready' },
    ],
    defaults: { enabled: true, delaySeconds: 0, channelOrder: ['email', 'sms', 'whatsapp'] },
  },
  // A shopper asked to hear when a sold-out variant is back: one message, then the subscription ends.
  back_in_stock: {
    key: 'back_in_stock',
    purpose: 'marketing',
    steps: [{ after: 'delay', template: 'back_in_stock' }],
    defaults: { enabled: true, delaySeconds: 0, channelOrder: ['email', 'push', 'sms'] },
  },
  // A thank-you as the order is placed, then the review request `delay` later; a return ends it.
  post_purchase: {
    key: 'post_purchase',
    purpose: 'marketing',
    steps: [
      { after: 0, template: 'post_purchase', purpose: 'transactional' },
      { after: 'delay', template: 'review_request' },
    ],
    defaults: { enabled: false, delaySeconds: 7 * 86_400, channelOrder: ['email', 'sms'] },
  },
  // The delay is the lapse: `delay` after the customer's last order the daily sweep starts a run
  // (once per last order), a nudge again a week later; an order on any channel ends it.
  win_back: {
    key: 'win_back',
    purpose: 'marketing',
    steps: [
      { after: 0, template: 'win_back' },
      { after: 7 * 86_400, template: 'win_back' },
    ],
    defaults: { enabled: false, delaySeconds: 90 * 86_400, channelOrder: ['email', 'sms'] },
  },
  tier_reached: {
    key: 'tier_reached',
    purpose: 'marketing',
    steps: [{ after: 'delay', template: 'tier_reached' }],
    defaults: { enabled: false, delaySeconds: 0, channelOrder: ['email', 'push', 'sms'] },
  },
  // The hourly sweep starts a run on the customer's birthday in their own time zone (birthday.ts).
  birthday: {
    key: 'birthday',
    purpose: 'marketing',
    steps: [{ after: 'delay', template: 'birthday' }],
    defaults: { enabled: false, delaySeconds: 0, channelOrder: ['email', 'push', 'sms'] },
  },
};
