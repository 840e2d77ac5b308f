import { expect, it } from 'vitest';
import { channelsMigrations, createChannelsService } from '../../modules/channels/index.js';
import { createCustomersService, customersMigrations } from '../../modules/customers/index.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createCustomerSourcesFlow } from './customer-sources.flow.js';

const channels = createChannelsService();
const customers = createCustomersService();
const flow = createCustomerSourcesFlow({ channels, customers });

describeEachDatabase('customer sources flow', [channelsMigrations, customersMigrations], (t) => {
  it('creates a write key only for a channel that exists (by id or code)', async () => {
    const ctx = t.ctx();
    await expect(flow.createSource(ctx, { channelId: 'ch_missing', name: 'web' })).rejects.toMatchObject({
      code: 'unknown_channel',
      issues: [{ path: 'body.channelId', message: 'unknown channel' }],
    });
    expect(await customers.listSources(ctx)).toEqual([]);

    const web = await channels.createChannel(ctx, {
      code: 'web',
      name: 'Web',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
    });
    const byCode = await flow.createSource(ctx, { channelId: 'web', name: 'site' });
    expect(byCode.channelId).toBe(web.id);
    expect(await customers.authenticate(ctx, byCode.writeKey)).toMatchObject({ channelId: web.id });
  });
});
