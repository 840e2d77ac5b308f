// Where the work per inbound Shopify order goes: the inbound-orders deliveries (signed orders/create,
// ids above 2^53, 200 buyers) sent at C=50 to an in-process hub on a fresh database, then per order:
// statements by text, rows written per table, WAL bytes, backend CPU, events appended.
// `npx tsx bench/inbound-pg-profile.ts [orders] [connections]` (TEST_DATABASE_URL). A diagnosis aid,
// not a scenario.
import { printUnitProfile, startProfiledHub } from './pg-statement-profile.js';
import { rawHttpLoad } from './raw-http-load.js';
import { deliveryBytes, setup } from './scenarios/inbound-orders.js';

const orders = Number(process.argv[2] ?? 1000);
const connections = Number(process.argv[3] ?? 50);
const profiled = await startProfiledHub({ adminKey: 'ohk_bench_inbound_profile_admin_key_0000000' });
const { connectorId } = await setup(profiled.bench);
const host = new URL(profiled.baseUrl).host;
const send = async (from: number, n: number) => {
  const requests = Array.from({ length: n }, (_, k) => deliveryBytes(host, connectorId, from + k));
  const r = await rawHttpLoad({ baseUrl: profiled.baseUrl, connections, requests });
  const ok = r.statuses.get(200) ?? 0;
  if (ok !== n) throw new Error(`${n - ok} deliveries refused: ${JSON.stringify([...r.statuses])}`);
  // Until the processor has made every order.
  await profiled.hub.integration.inboundProcessor!.caughtUp();
  return ok;
};
await send(0, 100); // warm-up
await printUnitProfile(profiled, { short: 'order', long: 'order' }, () => send(100, orders));
await profiled.close();
process.exit(0);
