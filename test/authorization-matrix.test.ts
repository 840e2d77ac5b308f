// The authorization matrix (security issue, part 10): every route the hub serves — read from its own
// route declarations and /openapi.json — is called by every kind of wrong caller, and the refusal it
// gets is computed from the route's declared policy, not listed by hand. Refused requests write
// nothing. The success side is shown once per policy kind, and a route without a policy stops the start.
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHABLE_SCOPES } from '../src/platform/auth/api-keys.js';
import { rows } from '../src/platform/db/database.js';
import { type DeclaredRoute, trackRoutePolicies } from '../src/platform/http/auth-hook.js';
import {
  isPublic,
  type KeyKind,
  type KeyPolicy,
  type RoutePolicy,
} from '../src/platform/http/route-policy.js';
import { describeEachHub, ok, type TestHub } from './helpers/test-hub.js';

interface Refusal {
  status: number;
  code: string;
}
const UNAUTHENTICATED: Refusal = { status: 401, code: 'unauthenticated' };
const KIND: Refusal = { status: 403, code: 'key_kind_forbidden' };
const SCOPE: Refusal = { status: 403, code: 'forbidden' };
const CHANNEL: Refusal = { status: 403, code: 'channel_forbidden' };
const HIDDEN: Refusal = { status: 404, code: 'not_found' };
const NO_ROUTE: Refusal = { status: 404, code: 'route_not_found' };

interface Operation {
  method: string;
  /** The route as declared (`/api/orders/:id`). */
  url: string;
  policy: KeyPolicy;
  /** Where the caller may name a channel, per /openapi.json. */
  channelParam: { in: 'query' | 'body'; name: string } | null;
}

/**
 * 'own' routes that take no channel parameter: their handlers filter by the key's channel, shown per
 * route in channel-binding.test.ts. A new such route must be added here (and tested there).
 */
const OWN_WITHOUT_CHANNEL_PARAM = new Set([
  'GET /api/channels',
  'GET /api/events',
  'GET /api/fulfilments',
  'GET /api/tills/carts',
  // Their services look records up within the key's channel (channel-sync.test.ts, webhooks-out
  // and customer tests prove it per module).
  'GET /api/webhooks/endpoints',
  'GET /api/webhooks/endpoints/:id',
  'PATCH /api/webhooks/endpoints/:id',
  'DELETE /api/webhooks/endpoints/:id',
  'POST /api/webhooks/endpoints/:id/rotate-secret',
  'GET /api/webhooks/endpoints/:id/deliveries',
  'GET /api/webhooks/deliveries/:id',
  'POST /api/webhooks/endpoints/:id/replay',
  'POST /api/webhooks/endpoints/:id/test',
  'GET /api/webhooks/health',
  'POST /api/channel-sync/connections',
  'GET /api/channel-sync/connections/:id',
  'PATCH /api/channel-sync/connections/:id',
  'DELETE /api/channel-sync/connections/:id',
  'GET /api/channel-sync/connections/:id/items',
  'POST /api/channel-sync/connections/:id/replay',
  'GET /api/channel-sync/health',
  'GET /api/customers/sources',
  'POST /api/customers/:id/tags',
  'GET /api/customers/:id/orders',
  // A web chat visitor's message is resolved on the key's channel (inbox.test.ts).
  'POST /api/chat/messages',
  // The wallet (wallet.test.ts): a till sees the wallet of a customer its channel has seen; a gift
  // card is sold on the key's channel; any channel checks any code's balance (cards are hub-wide).
  'GET /api/customers/:id/wallet',
  'POST /api/gift-cards',
  'POST /api/gift-cards/balance',
]);

/** The documented scope rule: `admin` holds every scope, `x:write` holds `x:read`, `inbox:read` holds `inbox:till`. */
const holds = (scopes: readonly string[], scope: string): boolean =>
  scopes.includes('admin') ||
  scopes.includes(scope) ||
  (scope.endsWith(':read') && scopes.includes(scope.replace(/:read$/, ':write'))) ||
  (scope === 'inbox:till' && holds(scopes, 'inbox:read'));

/** What the policy says about a credential of this kind, scopes and binding (null: let through). */
function refusalFor(policy: KeyPolicy, kind: KeyKind, scopes: readonly string[], bound: boolean) {
  if (!policy.keys.includes(kind)) return KIND;
  if (policy.scope !== null && !holds(scopes, policy.scope)) return SCOPE;
  if (policy.channel === 'unbound' && bound) return CHANNEL;
  return null;
}

type Schema = { properties?: Record<string, unknown> };
type OpenApiOperation = {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

function channelParamOf(op: OpenApiOperation | undefined): Operation['channelParam'] {
  const query = op?.parameters?.find((p) => p.in === 'query' && ['channelId', 'channel'].includes(p.name));
  if (query) return { in: 'query', name: query.name };
  const body = op?.requestBody?.content?.['application/json']?.schema?.properties ?? {};
  return 'channelId' in body ? { in: 'body', name: 'channelId' } : null;
}

/** Every non-public route with its policy; every documented operation must be one of them. */
async function operations(t: TestHub): Promise<{ ops: Operation[]; publicCount: number }> {
  const openapi = (await t.api('GET', '/openapi.json', { key: null })).body as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const documented = new Map<string, OpenApiOperation>();
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      documented.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op);
    }
  }
  const declared = t.hub.http.authorization.declaredRoutes().filter((r) => r.method !== 'HEAD');
  const byKey = new Map(declared.map((r) => [`${r.method} ${r.url}`, r.policy]));
  for (const key of documented.keys()) expect(byKey.get(key), `${key} has a policy`).toBeDefined();
  const ops: Operation[] = [];
  let publicCount = 0;
  for (const r of declared) {
    expect(r.policy, `${r.method} ${r.url}`).toBeDefined();
    if (isPublic(r.policy as RoutePolicy)) {
      publicCount++;
      continue;
    }
    const op = documented.get(`${r.method} ${r.url}`);
    ops.push({
      method: r.method,
      url: r.url,
      policy: r.policy as KeyPolicy,
      channelParam: channelParamOf(op),
    });
  }
  return { ops, publicCount };
}

/** Records of channel A, one per record kind a channel rule can name. */
interface RecordsOfA {
  channel: string;
  order: string;
  fulfilment: string;
  cart: string;
  store_credit: string;
  reservation: string;
}

async function buildChannelA(t: TestHub): Promise<{ a: RecordsOfA; b: string }> {
  const list = await ok(t, 'POST', '/api/catalog/price-lists', { code: 'mx', name: 'EUR', currency: 'EUR' });
  const channel = (code: string) =>
    ok(t, 'POST', '/api/channels', {
      code,
      name: code,
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
      priceListId: list.id,
    });
  const [a, b] = [await channel('mx-a'), await channel('mx-b')];
  const warehouse = await ok(t, 'POST', '/api/inventory/locations', {
    code: 'mx-wh',
    name: 'Warehouse',
    type: 'warehouse',
    address: { city: 'Utrecht', country: 'NL' },
  });
  await ok(t, 'PUT', `/api/inventory/channels/${a.id}/sourcing`, {
    locationIds: [warehouse.id],
    safetyBuffer: 0,
  });
  await ok(t, 'POST', '/api/catalog/products', {
    handle: 'mx-1',
    defaultLocale: 'en',
    content: { en: { title: 'Matrix mug' } },
    variants: [{ sku: 'MX-1', prices: [{ priceListId: list.id, amount: 1000, currency: 'EUR' }] }],
  });
  await ok(t, 'POST', '/api/inventory/adjustments', {
    kind: 'receive',
    sku: 'MX-1',
    location: warehouse.id,
    quantity: 5,
  });
  const imported = await ok(t, 'POST', '/api/orders/import', {
    channelId: a.id,
    externalSource: 'mx',
    externalId: '1',
    currency: 'EUR',
    lines: [{ sku: 'MX-1', quantity: 2, unitPrice: 1000 }],
  });
  const fulfilment = (await ok(t, 'GET', `/api/orders/${imported.id}`)).fulfilments[0].id;
  await ok(t, 'POST', `/api/fulfilments/${fulfilment}/ship`, {});
  const returned = await ok(t, 'POST', `/api/orders/${imported.id}/returns`, {
    lines: [{ sku: 'MX-1', quantity: 1 }],
    location: warehouse.id,
    method: 'mail',
    refundMethod: 'store_credit',
  });
  const cart = await ok(t, 'POST', '/api/carts', { channelId: a.id });
  const reservation = await ok(t, 'POST', '/api/inventory/reservations', {
    channelId: a.id,
    sku: 'MX-1',
    quantity: 1,
  });
  return {
    a: {
      channel: a.id,
      order: imported.id,
      fulfilment,
      cart: cart.id,
      store_credit: returned.storeCredit.id,
      reservation: reservation.id,
    },
    b: b.id,
  };
}

/** The URL to call: a record rule's parameter names channel A's record, other parameters a dummy. */
function pathOf(op: Operation, a: RecordsOfA): string {
  const rule = typeof op.policy.channel === 'object' ? op.policy.channel : null;
  return op.url.replace(/:(\w+)/g, (_m, name: string) =>
    rule && rule.param === name ? a[rule.record] : `x_${name}`,
  );
}

/** Every table's row count: refused requests must leave them all as they were. */
async function rowCounts(t: TestHub): Promise<Record<string, number>> {
  const db = t.hub.database.db;
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: number | string }>(
      db,
      sql`select count(*) as n from ${sql.identifier(name)}`,
    );
    counts[name] = Number(row!.n);
  }
  return counts;
}

interface Probe {
  name: string;
  key: string | null;
  path: (op: Operation) => string;
  expected: (op: Operation) => Refusal | null;
  body?: (op: Operation) => unknown;
}

/** Other required query parameters of 'own' reads, so the channel check (not validation) answers. */
const OWN_QUERY_EXTRAS: Record<string, string> = {
  'GET /api/orders/stats': '&since=2020-01-01T00:00:00Z',
  'GET /api/carts/stats': '&since=2020-01-01T00:00:00Z',
};

/** Valid bodies for the 'own' writes that name a channel, so the channel check (not validation) answers. */
const OWN_WRITE_BODIES: Record<string, (channelId: string) => unknown> = {
  'POST /api/webhooks/endpoints': (channelId) => ({ url: 'https://example.com/mx-hook', channelId }),
  'PATCH /api/customers/:id/traits': (channelId) => ({ traits: { size: 'M' }, channelId }),
  'POST /api/customers/sources': (channelId) => ({ channelId, name: 'mx source' }),
  'POST /api/shopper/sign-in': (channelId) => ({ email: 'mx@example.com', channelId }),
  'POST /api/shopper/sign-in/verify': (channelId) => ({ email: 'mx@example.com', code: '123456', channelId }),
  'POST /api/carts': (channelId) => ({ channelId }),
  'POST /api/back-in-stock': (channelId) => ({
    channelId,
    sku: 'MX-1',
    email: 'mx@example.com',
    consent: true,
  }),
  'POST /api/tills/sales': (channelId) => ({ channelId }),
  'POST /api/customers/identify': (channelId) => ({
    channelId,
    identifiers: [{ type: 'email', value: 'mx@example.com' }],
  }),
  'POST /api/inventory/reservations': (channelId) => ({ channelId, sku: 'MX-1', quantity: 1 }),
  'POST /api/orders/import': (channelId) => ({
    channelId,
    externalSource: 'mx',
    externalId: '2',
    currency: 'EUR',
    lines: [{ sku: 'MX-1', quantity: 1, unitPrice: 1000 }],
  }),
};

describeEachHub('authorization matrix: every route × every wrong caller', (t) => {
  let ops: Operation[] = [];
  let a: RecordsOfA;
  let keys: Record<'wrongScope' | 'publishableA' | 'adminOfB' | 'ordersOfA', string>;
  const probes: Probe[] = [];
  let declared: DeclaredRoute[] = [];
  /** The declared route a URL path would match (static before parametric; a last parameter may be empty). */
  const routeMatching = (method: string, path: string) =>
    declared
      .filter((r) => r.method === method)
      .map((r) => ({ r, params: (r.url.match(/:/g) ?? []).length }))
      .filter(({ r }) => {
        const wildcard = r.url.endsWith('*');
        const pattern = (wildcard ? r.url.slice(0, -1) : r.url).replace(/:\w+/g, '[^/]*');
        return new RegExp(`^${pattern}${wildcard ? '.*' : ''}$`).test(path);
      })
      .sort((x, y) => x.params - y.params)[0]?.r;

  beforeAll(async () => {
    ({ ops } = await operations(t));
    declared = t.hub.http.authorization.declaredRoutes();
    const built = await buildChannelA(t);
    a = built.a;
    let made = 0;
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', { name: `mx-${made++}`, ...body })).secret as string;
    keys = {
      wrongScope: await key({ scopes: ['nothing:read'] }),
      publishableA: await key({ kind: 'publishable', channelId: a.channel }),
      adminOfB: await key({ scopes: ['admin'], channelId: built.b }),
      ordersOfA: await key({ scopes: ['orders:read'], channelId: a.channel }),
    };
    const own = (op: Operation) => pathOf(op, a);
    const encoded = (op: Operation) =>
      own(op).replace(/^\/(\w)/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
    probes.push(
      { name: 'no key', key: null, path: own, expected: () => UNAUTHENTICATED },
      { name: 'unknown key', key: `ohk_${'0'.repeat(43)}`, path: own, expected: () => UNAUTHENTICATED },
      { name: 'percent-encoded path', key: null, path: encoded, expected: () => UNAUTHENTICATED },
      ...(
        [
          ['trailing slash', (p: string) => `${p}/`],
          ['double slash', (p: string) => p.replace('/', '//')],
          ['upper case', (p: string) => p.toUpperCase()],
        ] as const
      ).map(([name, spell]) => ({
        name,
        key: null,
        path: (op: Operation) => spell(own(op)),
        // Another spelling is no route at all, or another route (`/api/orders/` is `/api/orders/:id`
        // with an empty id) that meets its own policy: never the handler without a key.
        expected: (op: Operation) => {
          const route = routeMatching(op.method, spell(own(op)));
          if (!route) return NO_ROUTE;
          return route.policy && isPublic(route.policy) ? null : UNAUTHENTICATED;
        },
      })),
      {
        name: 'wrong scope',
        key: keys.wrongScope,
        path: own,
        expected: (op) => refusalFor(op.policy, 'secret', ['nothing:read'], false),
      },
      {
        name: 'publishable key',
        key: keys.publishableA,
        path: own,
        expected: (op) => refusalFor(op.policy, 'publishable', PUBLISHABLE_SCOPES, true),
      },
      {
        name: 'key of another channel',
        key: keys.adminOfB,
        path: (op) =>
          op.channelParam?.in === 'query'
            ? `${own(op)}?${op.channelParam.name}=${a.channel}${OWN_QUERY_EXTRAS[`${op.method} ${op.url}`] ?? ''}`
            : own(op),
        body: (op) => OWN_WRITE_BODIES[`${op.method} ${op.url}`]?.(a.channel) ?? {},
        expected: (op) =>
          refusalFor(op.policy, 'secret', ['admin'], true) ??
          // Naming another channel is refused as such; another channel's order or cart is hidden.
          (typeof op.policy.channel === 'object'
            ? op.policy.channel.record === 'channel'
              ? CHANNEL
              : HIDDEN
            : null) ??
          (op.policy.channel === 'own' && op.channelParam ? CHANNEL : null),
      },
    );
  });

  it('reads every route and its policy from the hub; each documented operation has one', () => {
    expect(ops.length).toBeGreaterThan(100);
    const own = ops.filter((op) => op.policy.channel === 'own');
    const untested = own
      .map((op) => ({ op, key: `${op.method} ${op.url}` }))
      .filter(
        ({ op, key }) =>
          (op.channelParam?.in === 'body' && !OWN_WRITE_BODIES[key]) ||
          (!op.channelParam && !OWN_WITHOUT_CHANNEL_PARAM.has(key)),
      )
      .map(({ key }) => key);
    expect(untested, 'every own route is tested for its channel').toEqual([]);
  });

  it('refuses every wrong caller with the refusal its policy declares, and writes nothing', async () => {
    const before = await rowCounts(t);
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops) {
      for (const probe of probes) {
        const expected = probe.expected(op);
        if (!expected) continue;
        const path = probe.path(op);
        const sendsBody = !['GET', 'DELETE'].includes(op.method);
        const r = await t.api(op.method, path, {
          key: probe.key,
          headers: { 'idempotency-key': `mx-${checked}` },
          ...(sendsBody ? { body: probe.body?.(op) ?? {} } : {}),
        });
        checked++;
        const got = { status: r.status, code: r.body?.code };
        const problem = String(r.headers['content-type']).startsWith('application/problem+json');
        if (got.status !== expected.status || got.code !== expected.code || !problem) {
          failures.push(
            `${probe.name}: ${op.method} ${path} → ${got.status} ${got.code}, expected ${expected.status} ${expected.code}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(ops.length * 6);
    expect(await rowCounts(t)).toEqual(before);
  });

  describe('the success side, one route per policy kind', () => {
    it('public: /health answers without a key', async () => {
      expect((await t.api('GET', '/health', { key: null })).status).toBe(200);
    });

    it("channel rule 'none': any valid credential reads who it is", async () => {
      const me = await t.api('GET', '/api/me', { key: keys.publishableA });
      expect(me.body).toMatchObject({ kind: 'publishable', channelId: a.channel });
    });

    it("channel rule 'own': a key of channel A lists channel A's orders", async () => {
      const list = await t.api('GET', '/api/orders', { key: keys.ordersOfA });
      expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([a.order]);
    });

    it("channel rule 'unbound': the unbound admin key lists keys", async () => {
      expect((await t.api('GET', '/api/keys')).status).toBe(200);
    });

    it('a record rule: the publishable key of channel A reads the cart it made, with its cart token', async () => {
      const made = await t.api('POST', '/api/carts', { key: keys.publishableA, body: {} });
      expect(made.status).toBe(201);
      const cart = await t.api('GET', `/api/carts/${made.body.id}`, {
        key: keys.publishableA,
        headers: { 'x-cart-token': made.body.cartToken },
      });
      expect([cart.status, cart.body.id]).toEqual([200, made.body.id]);
      expect((await t.api('GET', `/api/carts/${a.cart}`, { key: keys.publishableA })).status).toBe(403);
    });
  });
});

describe('a route without a policy', () => {
  it('stops the hub from starting, also inside a plugin', async () => {
    for (const nested of [false, true]) {
      const app = Fastify();
      trackRoutePolicies(app);
      app.get('/declared', { config: { policy: { public: true, why: 'test' } } }, async () => 'ok');
      const undeclared = async (scope: FastifyInstance) => void scope.get('/undeclared', async () => 'oops');
      if (nested) await app.register(async (child) => undeclared(child));
      else await undeclared(app);
      await expect(app.ready()).rejects.toThrow(/without an access policy.*GET \/undeclared/);
      await app.close();
    }
  });

  it('starts when every route declares one', async () => {
    const app = Fastify();
    trackRoutePolicies(app);
    app.get('/declared', { config: { policy: { public: true, why: 'test' } } }, async () => 'ok');
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});
