import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../../platform/context.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createChannelAccountStore, inboxMigrations, KEPT_ACCOUNT_MS } from './index.js';

const whatsapp = (appSecret: string) => ({
  kind: 'whatsapp' as const,
  name: 'Shop WhatsApp',
  externalAccountId: '106540352240077',
  settings: {},
  credentials: { appSecret },
});

describeEachDatabase('channel accounts kept for webhook deliveries', [inboxMigrations], (t) => {
  it('keeps an account read by id for a while; a change by another node shows once it is old', async () => {
    let now = 1_000_000;
    const store = createChannelAccountStore({ now: () => now });
    const ctx = t.ctx();
    const saved = await store.save(ctx, whatsapp('secret-1'));
    expect((await store.withCredentials(ctx, saved.id))?.name).toBe('Shop WhatsApp');
    // Another node pauses it: this process answers from what it kept, within KEPT_ACCOUNT_MS.
    await t.database.db.execute(
      sql`update inbox_channel_accounts set status = 'paused' where id = ${saved.id}`,
    );
    now += KEPT_ACCOUNT_MS;
    expect((await store.withCredentials(ctx, saved.id))?.status).toBe('active');
    now += 1;
    expect((await store.withCredentials(ctx, saved.id))?.status).toBe('paused');
  });

  it('drops what it kept when this process changes or removes an account', async () => {
    const store = createChannelAccountStore({ now: () => 0 });
    const ctx = t.ctx();
    const saved = await store.save(ctx, whatsapp('secret-1'));
    expect((await store.withCredentials(ctx, saved.id))?.credentials.appSecret).toBe('secret-1');
    await store.save(ctx, whatsapp('secret-2'));
    expect((await store.withCredentials(ctx, saved.id))?.credentials.appSecret).toBe('secret-2');
    await inTransaction(ctx, (tx) => store.save(tx, whatsapp('secret-3')));
    expect((await store.withCredentials(ctx, saved.id))?.credentials.appSecret).toBe('secret-3');
    await store.remove(ctx, saved.id);
    expect(await store.withCredentials(ctx, saved.id)).toBeNull();
  });
});
