// Read-only figure the omnichannel score measures over promotions (flows/omnichannel-score): which
// active campaigns are valid on every channel and which are narrowed to some.
import type { Ctx } from '../../platform/context.js';
import { type CampaignScope, selectCampaignScopes } from './scope-figures.repository.js';

export type { CampaignScope };

/** Active campaigns per channel scope (null: every channel), with up to `sample` campaigns each. */
export function campaignScopes(ctx: Ctx, sample = 5): Promise<CampaignScope[]> {
  return selectCampaignScopes(ctx.db, ctx.clock.now(), sample);
}
