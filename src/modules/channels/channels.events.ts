// Events the channels module emits.
export const CHANNEL_EVENTS = {
  created: 'channel.created',
  updated: 'channel.updated',
} as const;
