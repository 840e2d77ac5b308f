// Events the customers module appends to the platform log. Only profile-level changes go there:
// each page view or track call is stored once, in customer_events, not twice. Payloads carry ids
// and trait names, never personal values, so the append-only log holds nothing erasure must reach.
export const CUSTOMER_EVENTS = {
  created: 'customer.created',
  merged: 'customer.merged',
  unmerged: 'customer.unmerged',
  traitsChanged: 'customer.traits_changed',
  tagsChanged: 'customer.tags_changed',
  stageChanged: 'customer.stage_changed',
  consentChanged: 'customer.consent_changed',
  mergeReviewDecided: 'customer.merge_review_decided',
  erased: 'customer.erased',
} as const;
