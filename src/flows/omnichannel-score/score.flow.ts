// The omnichannel score and its advisor: measures each dimension from the modules' read-only,
// set-based figures (a fixed number of grouped statements, whatever the data's size), and asks the
// advisor which channels and capabilities to integrate next given the retailer's own answers.
import type { Advice, AdvisorService, DimensionKey, RetailerProfile } from '../../modules/advisor/index.js';
import { cartCrossingFigures } from '../../modules/carts/index.js';
import type { ChannelSyncService } from '../../modules/channel-sync/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import { eventIdentityFigures } from '../../modules/customers/index.js';
import { conversationFigures } from '../../modules/inbox/index.js';
import { orderFigures } from '../../modules/orders/index.js';
import { campaignScopes } from '../../modules/promotions/index.js';
import { type WalletService, walletChannelUse } from '../../modules/wallet/index.js';
import type { Ctx } from '../../platform/context.js';
import { syncDimension } from './dimension-sync.js';
import {
  campaignsDimension,
  clickCollectDimension,
  loyaltyDimension,
  returnAnywhereDimension,
} from './dimensions-offers.js';
import { conversationsDimension, handoffDimension, identityDimension } from './dimensions-reach.js';
import type { Measured, OmnichannelScore } from './score.types.js';

export interface OmnichannelScoreDeps {
  channels: Pick<ChannelsService, 'listChannels'>;
  channelSync: Pick<ChannelSyncService, 'listConnections' | 'health' | 'lastAudits'>;
  /** The periodic consistency audit's interval: a result older than two is unknown evidence. */
  auditIntervalSeconds?: number | undefined;
  wallet: Pick<WalletService, 'getRules'>;
  advisor: AdvisorService;
}

const DAY_MS = 86_400_000;

/** The dimensions from what was measured (pure). */
export function scoreOf(m: Measured, days: number, since: Date): OmnichannelScore {
  const dimensions = [
    identityDimension(m),
    syncDimension(m),
    handoffDimension(m),
    conversationsDimension(m),
    campaignsDimension(m),
    loyaltyDimension(m),
    clickCollectDimension(m),
    returnAnywhereDimension(m),
  ];
  const overall = Math.round(dimensions.reduce((s, d) => s + d.score, 0) / dimensions.length);
  return { overall, days, since, measuredAt: m.now, dimensions };
}

export interface AdvisorAnswer {
  profile: RetailerProfile | null;
  updatedAt: Date | null;
  overall: number;
  advice: Advice[];
}

export function createOmnichannelScoreFlow(deps: OmnichannelScoreDeps) {
  async function measure(ctx: Ctx, since: Date): Promise<Measured> {
    return {
      now: ctx.clock.now(),
      channels: await deps.channels.listChannels(ctx),
      orders: await orderFigures(ctx, since),
      events: await eventIdentityFigures(ctx, since),
      carts: await cartCrossingFigures(ctx, since),
      conversations: await conversationFigures(ctx, since),
      campaigns: await campaignScopes(ctx),
      loyalty: { rules: await deps.wallet.getRules(ctx), use: await walletChannelUse(ctx, since) },
      sync: {
        connections: await deps.channelSync.listConnections(ctx),
        health: await deps.channelSync.health(ctx),
        audits: await deps.channelSync.lastAudits(ctx),
        auditIntervalSeconds: deps.auditIntervalSeconds ?? 900,
      },
    };
  }

  async function score(ctx: Ctx, days: number): Promise<OmnichannelScore & { measured: Measured }> {
    const since = new Date(ctx.clock.now().getTime() - days * DAY_MS);
    const measured = await measure(ctx, since);
    return { ...scoreOf(measured, days, since), measured };
  }

  return {
    /** Every dimension over the last `days` days, with its evidence and next step, and the overall score. */
    async score(ctx: Ctx, days: number): Promise<OmnichannelScore> {
      const { measured: _, ...rest } = await score(ctx, days);
      return rest;
    },

    /** The retailer's saved answers and the advice they lead to with today's score (none before they are saved). */
    async advice(ctx: Ctx, days: number): Promise<AdvisorAnswer> {
      const saved = await deps.advisor.getProfile(ctx);
      const s = await score(ctx, days);
      if (!saved) return { profile: null, updatedAt: null, overall: s.overall, advice: [] };
      const scores = Object.fromEntries(s.dimensions.map((d) => [d.key, d.score])) as Record<
        DimensionKey,
        number
      >;
      const advice = deps.advisor.advise({
        profile: saved.profile,
        scores,
        channelTypes: [
          ...new Set(s.measured.channels.filter((c) => c.status !== 'archived').map((c) => c.type)),
        ],
        inboxKinds: s.measured.conversations.kinds.map((k) => k.kind),
      });
      return { profile: saved.profile, updatedAt: saved.updatedAt, overall: s.overall, advice };
    },

    saveProfile: (ctx: Ctx, profile: RetailerProfile) => deps.advisor.saveProfile(ctx, profile),
  };
}

export type OmnichannelScoreFlow = ReturnType<typeof createOmnichannelScoreFlow>;
