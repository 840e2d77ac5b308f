// The omnichannel score's answer: each dimension with its score, formula, evidence (figures, per
// channel rows, a sample of the records behind them) and next step; and the measured inputs.
import { z } from 'zod';
import { DIMENSION_KEYS } from '../../modules/advisor/index.js';
import type { CartCrossingFigures } from '../../modules/carts/index.js';
import type { AuditRecord, Connection, ConnectionHealth } from '../../modules/channel-sync/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { EventIdentityFigures } from '../../modules/customers/index.js';
import type { ConversationFigures } from '../../modules/inbox/index.js';
import type { OrderFigures } from '../../modules/orders/index.js';
import type { CampaignScope } from '../../modules/promotions/index.js';
import type { LoyaltyRules, WalletChannelUse } from '../../modules/wallet/index.js';

const Value = z.union([z.number(), z.string(), z.null()]);

export const Dimension = z.object({
  key: z.enum(DIMENSION_KEYS),
  score: z.number().int().min(0).max(100),
  formula: z.string().describe('how the score is computed from the figures'),
  figures: z.record(z.string(), z.number()).describe('the headline numbers'),
  perChannel: z.array(
    z.object({
      channelId: z.string().nullable(),
      label: z.string().describe('channel code, a pair of codes (from → to), or an inbox channel kind'),
      values: z.record(z.string(), Value),
    }),
  ),
  sample: z
    .array(z.object({ kind: z.string(), id: z.string(), label: z.string() }))
    .describe('a few of the records behind the figures, newest first'),
  nextStep: z.object({
    code: z.string(),
    channels: z.array(z.string()).describe('codes of the channels it concerns'),
    text: z.string(),
  }),
});
export type Dimension = z.infer<typeof Dimension>;

export const OmnichannelScore = z.object({
  overall: z.number().int().min(0).max(100).describe('the mean of the dimensions'),
  days: z.number().int(),
  since: z.date(),
  measuredAt: z.date(),
  dimensions: z.array(Dimension),
});
export type OmnichannelScore = z.infer<typeof OmnichannelScore>;

/** What the score is computed from: the modules' read-only figures, fetched by the flow. */
export interface Measured {
  now: Date;
  channels: Channel[];
  orders: OrderFigures;
  events: EventIdentityFigures;
  carts: CartCrossingFigures;
  conversations: ConversationFigures;
  campaigns: CampaignScope[];
  loyalty: { rules: LoyaltyRules; use: WalletChannelUse[] };
  sync: {
    connections: Connection[];
    health: ConnectionHealth[];
    /** The periodic consistency audit's last result per connection, and its interval. */
    audits: AuditRecord[];
    auditIntervalSeconds: number;
  };
}
