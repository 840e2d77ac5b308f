// The storefront's own key: /store/<channel> pages carry the channel's publishable key, so a shopper
// never pastes one. Only a publishable key (catalog, availability, own carts, sign-in: nothing about
// another person) bound to that one channel, issued on first use and re-issued when revoked.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { firstRow } from '../db/database.js';
import type { SqlRow } from '../db/rows.js';
import { createApiKey, revokeApiKey } from './api-keys.js';
import type { storefrontKeys } from './storefront-keys.schema.js';

type Row = SqlRow<typeof storefrontKeys>;

async function liveKey(ctx: Ctx, channelId: string): Promise<string | null> {
  const row = await firstRow<Pick<Row, 'secret'>>(
    ctx.db,
    sql`select s.secret from storefront_keys s join api_keys k on k.id = s.key_id
        where s.channel_id = ${channelId} and k.revoked_at is null and k.kind = 'publishable'
          and k.channel_id = ${channelId}`,
  );
  return row?.secret ?? null;
}

/** The channel's storefront key (a publishable key bound to it), issued when it has none live. */
export async function storefrontKeyOf(ctx: Ctx, channel: { id: string; name: string }): Promise<string> {
  const live = await liveKey(ctx, channel.id);
  if (live) return live;
  const { key, secret } = await createApiKey(ctx, {
    name: `storefront: ${channel.name}`,
    kind: 'publishable',
    scopes: [],
    channelId: channel.id,
  });
  // Replaces a revoked one; two first visits at once keep the first key and revoke the other.
  const kept = await firstRow<Pick<Row, 'key_id'>>(
    ctx.db,
    sql`insert into storefront_keys (channel_id, key_id, secret, created_at)
        values (${channel.id}, ${key.id}, ${secret}, ${ctx.clock.now().toISOString()})
        on conflict (channel_id) do update set key_id = excluded.key_id, secret = excluded.secret,
          created_at = excluded.created_at
        where (select revoked_at from api_keys where id = storefront_keys.key_id) is not null
        returning key_id`,
  );
  if (kept) return secret;
  await revokeApiKey(ctx, key.id);
  return (await liveKey(ctx, channel.id)) ?? secret;
}
