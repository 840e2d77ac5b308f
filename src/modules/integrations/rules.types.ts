import { z } from 'zod';
import { ContactPurpose, EventTypeFilter } from './integrations.types.js';

const DEFAULT_CUSTOMER = 'data.customerId ? data.customerId : subject';
const CustomerExpr = z
  .string()
  .max(2000)
  .default(DEFAULT_CUSTOMER)
  .describe('JSONata over the CloudEvent giving the customer id');

export const RuleAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('webhook'),
    endpointId: z.string().min(1).describe('a webhook endpoint; the event goes to it signed, with retries'),
    purpose: ContactPurpose.optional().describe(
      "sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason",
    ),
  }),
  z.strictObject({
    type: z.literal('customer.note'),
    customer: CustomerExpr,
    text: z.string().min(1).max(2000),
  }),
  z.strictObject({
    type: z.literal('customer.tag'),
    customer: CustomerExpr,
    tag: z.string().trim().min(1).max(100).describe('added to the customer (once per rule and event)'),
  }),
  z.strictObject({
    type: z.literal('customer.update'),
    customer: CustomerExpr,
    traits: z
      .string()
      .min(1)
      .max(20_000)
      .describe(
        'JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel',
      ),
  }),
]);
export type RuleAction = z.infer<typeof RuleAction>;

export const RuleInput = z.strictObject({
  name: z.string().min(1).max(200),
  eventType: EventTypeFilter.describe('an event type, or a prefix such as order.*'),
  condition: z
    .string()
    .max(20_000)
    .nullable()
    .default(null)
    .describe('JSONata over the CloudEvent (type, subject, data…); the rule fires when it is truthy'),
  actions: z.array(RuleAction).min(1).max(20),
  enabled: z.boolean().default(true),
});
export type RuleInput = z.input<typeof RuleInput>;

export const RulePatch = z
  .strictObject({
    name: RuleInput.shape.name,
    eventType: RuleInput.shape.eventType,
    condition: z.string().max(20_000).nullable(),
    actions: RuleInput.shape.actions,
    enabled: z.boolean(),
  })
  .partial();
export type RulePatch = z.infer<typeof RulePatch>;

export const Rule = z.object({
  id: z.string(),
  name: z.string(),
  eventType: z.string(),
  condition: z.string().nullable(),
  actions: z.array(RuleAction),
  enabled: z.boolean(),
  version: z.number().int(),
  firedCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Rule = z.infer<typeof Rule>;

export const SampleEvent = z.strictObject({
  id: z.string().default('evt_sample'),
  type: z.string().min(1),
  subject: z.string().default('sample'),
  channelId: z.string().nullable().default(null),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type SampleEvent = z.input<typeof SampleEvent>;

/** An action with its parameters resolved against one event: what would run, or what ran. */
export const PlannedAction = z.object({
  type: z.string(),
  endpointId: z.string().optional(),
  purpose: z.string().optional(),
  customerId: z.string().nullable().optional(),
  text: z.string().optional(),
  tag: z.string().optional(),
  traits: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
});
export type PlannedAction = z.infer<typeof PlannedAction>;

export const DryRunResult = z.object({
  typeMatches: z.boolean(),
  conditionResult: z.unknown(),
  fires: z.boolean(),
  actions: z.array(PlannedAction),
  error: z.string().optional(),
});
export type DryRunResult = z.infer<typeof DryRunResult>;
