// A transaction that meets a dropped connection gives its pooled client back: an outage must not
// leave the pool short (queries would wait for a client forever, and closing the hub would hang).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/kernel/index.js';
import { createContext, inTransaction } from '../src/platform/context.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import {
  createFreshPostgresDatabase,
  postgresTestUrl,
  testLog,
} from '../src/platform/testing/test-databases.js';
import { eventually } from './helpers/eventually.js';
import { startTcpProxy, type TcpProxy, viaProxy } from './helpers/tcp-proxy.js';

const pgUrl = postgresTestUrl();
describe.skipIf(!pgUrl)('pooled transactions [postgres]', () => {
  let proxy: TcpProxy;
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await createFreshPostgresDatabase(pgUrl!);
    drop = fresh.drop;
    proxy = await startTcpProxy(new URL(fresh.url));
    database = await openDatabase({ databaseUrl: viaProxy(fresh.url, proxy), poolSize: 2 });
  });
  afterAll(async () => {
    await proxy?.close();
    await drop?.();
  });

  it('a BEGIN on a connection that drops gives the client back, and the pool serves again', async () => {
    const ctx = createContext(database, { clock: systemClock, log: testLog as never });
    const selectOne = () => inTransaction(ctx, (tx) => tx.db.execute(sql`select 1`));
    await Promise.all([selectOne(), selectOne()]); // both pooled connections open

    proxy.cutWhenClientSends('begin');
    await expect(selectOne()).rejects.toThrow();
    const pool = database.pool!;
    expect(pool.totalCount - pool.idleCount).toBe(0); // nothing left checked out

    // The other idle connection was dropped too; the first statement on it may still fail.
    const served = await eventually(
      () =>
        Promise.all([selectOne(), selectOne()]).then(
          () => true,
          () => false,
        ),
      (ok) => ok,
      5_000,
    );
    expect(served).toBe(true);
    await database.close(); // waits for every checked-out client: hangs if one leaked
  });
});
