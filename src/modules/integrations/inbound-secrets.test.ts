import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { firstRow } from '../../platform/db/database.js';
import { createSecretBox } from '../../platform/secrets/secret-box.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createInboundService, integrationsMigrations } from './index.js';

describeEachDatabase('inbound connector secrets at rest', [integrationsMigrations], (t) => {
  const keyed = createInboundService({ secrets: createSecretBox(randomBytes(32)) });
  const plain = createInboundService();
  const stored = async (id: string) =>
    (await firstRow<{ secret: string }>(
      t.database.db,
      sql`select secret from inbound_connectors where id = ${id}`,
    ))!.secret;
  const create = (service: typeof plain, name: string) =>
    service.createConnector(t.ctx(), { kind: 'shopify', name, secret: `shpss_${name}_0123456789abcdef` });

  it('with OMNIHUB_SECRETS_KEY the secret is stored as enc:v1:… and verification reads the plaintext', async () => {
    const { connector, secret } = await create(keyed, 'sealed');
    expect(secret).toBe('shpss_sealed_0123456789abcdef');
    expect(await stored(connector.id)).toMatch(/^enc:v1:/);
    expect((await keyed.findConnectorForVerification(t.ctx(), connector.id))!.secret).toBe(
      'shpss_sealed_0123456789abcdef',
    );
    // An update leaves the sealed secret as it is.
    await keyed.updateConnector(t.ctx(), connector.id, { name: 'renamed' });
    expect((await keyed.findConnectorForVerification(t.ctx(), connector.id))!.secret).toBe(
      'shpss_sealed_0123456789abcdef',
    );
    expect((await keyed.listConnectors(t.ctx())).map((c) => c.name)).toContain('renamed');
  });

  it('without a key it is stored as given, and a keyed hub still reads those plaintext rows', async () => {
    const { connector } = await create(plain, 'plain');
    expect(await stored(connector.id)).toBe('shpss_plain_0123456789abcdef');
    expect((await keyed.findConnectorForVerification(t.ctx(), connector.id))!.secret).toBe(
      'shpss_plain_0123456789abcdef',
    );
  });

  it("a sealed secret copied onto another connector's row does not open", async () => {
    const a = await create(keyed, 'copy-a');
    const b = await create(keyed, 'copy-b');
    await t.database.db.execute(
      sql`update inbound_connectors set secret = ${await stored(a.connector.id)} where id = ${b.connector.id}`,
    );
    await expect(keyed.findConnectorForVerification(t.ctx(), b.connector.id)).rejects.toThrow(
      /does not open/,
    );
  });
});
