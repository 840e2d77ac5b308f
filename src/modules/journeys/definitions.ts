// The journeys a hub runs, in code: what starts a run, what ends it, its purpose (the consent asked
// at send time) and its steps. A step waits (from the run's start for the first, from the previous
// step after), then queues one message whose channel format is chosen at send time from the order.

export const JOURNEY_KEYS = ['abandoned_cart', 'pickup_ready'] as const;
export type JourneyKey = (typeof JOURNEY_KEYS)[number];

export interface JourneyStep {
  /** Seconds after the previous step (the first: the journey's delay setting when 'delay'). */
  after: number | 'delay';
  template: string;
}

export interface JourneyDefinition {
  key: JourneyKey;
  /** marketing needs an opt-in; transactional is refused only by a denial or a suppression. */
  purpose: 'marketing' | 'transactional';
  /** Marketing respects quiet hours and frequency caps; a pickup notice does not wait. */
  steps: JourneyStep[];
  defaults: { enabled: boolean; delaySeconds: number; channelOrder: string[] };
}

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
};
