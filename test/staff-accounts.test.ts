// Staff accounts end to end over HTTP: the bootstrap admin key creates the first admin member, who
// manages the others; members sign in with email and password (at a till: bound to its channel), act
// with their role's scopes, and are refused when the role, the credential kind, the store or the
// account's state says no. Unknown addresses get the same answer as wrong passwords.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ROLE_SCOPES } from '../src/modules/staff/index.js';
import { rows } from '../src/platform/db/database.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

const PASSWORD = 'correct horse battery';
/** Each sign-in costs a 64 MiB scrypt: on a busy shared machine a step can take seconds. */
const SCRYPT_UNDER_LOAD_MS = 300_000;

describeEachHub('staff accounts', (t) => {
  let f: CommerceFixture;
  const ids: Record<string, string> = {};
  const signIn = (email: string, password = PASSWORD, channel?: string) =>
    t.api('POST', '/api/staff/sign-in', {
      key: null,
      body: { email, password, ...(channel ? { channel } : {}) },
      headers: { 'x-forwarded-for': email },
    });

  it(
    'lets the bootstrap admin key create the first admin, who adds a clerk and a manager',
    async () => {
      f = await buildCommerceFixture(t, 'SF');
      const admin = await t.api('POST', '/api/staff', {
        body: { name: 'Ada Admin', email: 'Ada@Example.com', role: 'admin', password: PASSWORD },
      });
      expect(admin.status, JSON.stringify(admin.body)).toBe(201);
      expect(admin.body).toMatchObject({
        email: 'ada@example.com',
        role: 'admin',
        active: true,
        hasPassword: true,
      });
      expect(admin.body).not.toHaveProperty('passwordHash');
      ids.admin = admin.body.id;
      const session = await signIn('ada@example.com');
      expect(session.status, JSON.stringify(session.body)).toBe(200);
      expect(session.body.token).toMatch(/^ohst_/);
      const adminToken = session.body.token as string;
      for (const [name, role, locationIds] of [
        ['Cleo Clerk', 'clerk', [f.locations.amsterdam.id]],
        ['Max Manager', 'store_manager', [f.locations.amsterdam.id]],
        ['Agnes Agent', 'agent', []],
      ] as const) {
        const email = `${name.split(' ')[0]!.toLowerCase()}@example.com`;
        const r = await t.api('POST', '/api/staff', {
          key: adminToken,
          body: { name, email, role, locationIds, password: PASSWORD },
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        expect(r.body.scopes).toEqual([...ROLE_SCOPES[role]]);
        ids[role] = r.body.id;
      }
      const list = await t.api('GET', '/api/staff', { key: adminToken });
      expect(list.body.items.map((m: { name: string }) => m.name)).toEqual([
        'Ada Admin',
        'Agnes Agent',
        'Cleo Clerk',
        'Max Manager',
      ]);
      const taken = await t.api('POST', '/api/staff', {
        key: adminToken,
        body: { name: 'Other', email: 'cleo@example.com', role: 'clerk', password: PASSWORD },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('staff_email_taken');
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'signs a clerk in at their own till only, and the session acts as that till',
    async () => {
      const elsewhere = await signIn('cleo@example.com', PASSWORD, f.channels.tillSto.code);
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('staff_store_forbidden');
      const unbound = await signIn('cleo@example.com');
      expect(unbound.status).toBe(403);
      const clerk = await signIn('cleo@example.com', PASSWORD, f.channels.tillAms.code);
      expect(clerk.status, JSON.stringify(clerk.body)).toBe(200);
      expect(clerk.body.channelId).toBe(f.channels.tillAms.id);
      const token = clerk.body.token as string;
      const me = await t.api('GET', '/api/staff/me', { key: token });
      expect(me.body).toMatchObject({ name: 'Cleo Clerk', role: 'clerk', channelId: f.channels.tillAms.id });
      const whoAmI = await t.api('GET', '/api/me', { key: token });
      expect(whoAmI.body).toMatchObject({ keyId: ids.clerk, name: 'Cleo Clerk', kind: 'staff' });
      // The clerk sells at the till: the cart and its events carry the clerk's id.
      const cart = await t.api('POST', '/api/carts', {
        key: token,
        body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      expect(cart.body.channelId).toBe(f.channels.tillAms.id);
      const created = await rows<{ actor: string }>(
        t.hub.database.db,
        sql`select actor from events where subject = ${cart.body.id} and type = 'cart.created'`,
      );
      expect(created).toEqual([{ actor: ids.clerk }]);
      // …and is refused what a clerk may not do.
      const manage = await t.api('GET', '/api/staff', { key: token });
      expect(manage.status).toBe(403);
      expect(manage.body.code).toBe('forbidden');
      const add = await t.api('POST', '/api/staff', {
        key: token,
        body: { name: 'Sneaky', email: 'sneaky@example.com', role: 'admin', password: PASSWORD },
      });
      expect(add.status).toBe(403);
      const keys = await t.api('POST', '/api/keys', { key: token, body: { name: 'x', scopes: ['admin'] } });
      expect(keys.status).toBe(403);
      const otherTill = await t.api('GET', `/api/channels/${f.channels.tillSto.id}`, { key: token });
      expect(otherTill.status).toBe(403);
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'refuses staff routes to callers without the right credential',
    async () => {
      const none = await t.api('GET', '/api/staff', { key: null });
      expect([none.status, none.body.code]).toEqual([401, 'unauthenticated']);
      const meNone = await t.api('GET', '/api/staff/me', { key: null });
      expect(meNone.status).toBe(401);
      const meKey = await t.api('GET', '/api/staff/me');
      expect([meKey.status, meKey.body.code]).toEqual([403, 'key_kind_forbidden']);
      const web = await t.api('POST', '/api/keys', {
        body: { name: 'sf web', kind: 'publishable', channelId: f.channels.web.id },
      });
      const publishable = await t.api('GET', '/api/staff', { key: web.body.secret });
      expect([publishable.status, publishable.body.code]).toEqual([403, 'key_kind_forbidden']);
      const till = await t.api('POST', '/api/staff', {
        key: f.keys.tillAms,
        body: { name: 'T', email: 't@example.com', role: 'clerk' },
      });
      expect(till.status).toBe(403);
      const agent = await signIn('agnes@example.com');
      expect(agent.status).toBe(200);
      const agentManages = await t.api('PATCH', `/api/staff/${ids.clerk}`, {
        key: agent.body.token,
        body: { role: 'admin' },
      });
      expect([agentManages.status, agentManages.body.code]).toEqual([403, 'forbidden']);
      const forged = await t.api('GET', '/api/staff/me', { key: 'ohst_not-a-real-session' });
      expect([forged.status, forged.body.code]).toEqual([401, 'unauthenticated']);
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'answers a wrong password and an unknown address alike, and locks after five wrong ones',
    async () => {
      const unknown = await signIn('nobody@example.com');
      const wrong = await signIn('max@example.com', 'not the password');
      for (const r of [unknown, wrong]) {
        expect(r.status).toBe(401);
        expect(r.body.code).toBe('staff_sign_in_failed');
      }
      expect(unknown.body.detail).toBe(wrong.body.detail);
      for (let i = 0; i < 4; i++) expect((await signIn('max@example.com', 'still wrong')).status).toBe(401);
      const locked = await signIn('max@example.com', PASSWORD, f.channels.tillAms.code);
      expect([locked.status, locked.body.code]).toEqual([401, 'staff_sign_in_failed']);
      // An admin setting a new password lifts the lock.
      const reset = await t.api('PATCH', `/api/staff/${ids.store_manager}`, {
        body: { password: 'a brand new password' },
      });
      expect(reset.status, JSON.stringify(reset.body)).toBe(200);
      expect((await signIn('max@example.com', 'a brand new password', f.channels.tillAms.code)).status).toBe(
        200,
      );
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'ends the sessions of a disabled member and of one who signs out',
    async () => {
      const clerk = await signIn('cleo@example.com', PASSWORD, f.channels.tillAms.code);
      const token = clerk.body.token as string;
      expect((await t.api('GET', '/api/staff/me', { key: token })).status).toBe(200);
      const disabled = await t.api('PATCH', `/api/staff/${ids.clerk}`, { body: { active: false } });
      expect(disabled.body.active).toBe(false);
      const after = await t.api('GET', '/api/staff/me', { key: token });
      expect([after.status, after.body.code]).toEqual([401, 'unauthenticated']);
      const again = await signIn('cleo@example.com', PASSWORD, f.channels.tillAms.code);
      expect([again.status, again.body.code]).toEqual([401, 'staff_sign_in_failed']);
      await t.api('PATCH', `/api/staff/${ids.clerk}`, { body: { active: true } });
      const back = await signIn('cleo@example.com', PASSWORD, f.channels.tillAms.code);
      expect(back.status).toBe(200);
      const out = await t.api('POST', '/api/staff/sign-out', { key: back.body.token });
      expect(out.status).toBe(204);
      expect((await t.api('GET', '/api/staff/me', { key: back.body.token })).status).toBe(401);
      const events = await t.api('GET', `/api/events?types=staff.*&limit=1000`);
      const types = events.body.items.map((e: { type: string }) => e.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'staff.member_created',
          'staff.member_updated',
          'staff.signed_in',
          'staff.signed_out',
        ]),
      );
      expect(JSON.stringify(events.body.items)).not.toContain('cleo@example.com');
    },
    SCRYPT_UNDER_LOAD_MS,
  );

  it(
    'refuses hostile bodies with a named field and writes nothing',
    async () => {
      for (const body of [
        { name: 'X', email: 'x@example.com', role: 'owner', password: PASSWORD },
        { name: 'X', email: 'not-an-address', role: 'clerk' },
        { name: 'X\u0000', email: 'x@example.com', role: 'clerk', password: 'short' },
        { name: 'X', email: 'x@example.com', role: 'clerk', locationIds: 'all' },
      ]) {
        const r = await t.api('POST', '/api/staff', { body });
        expect(r.status, JSON.stringify(r.body)).toBe(400);
        expect(r.body.errors?.length).toBeGreaterThan(0);
      }
      const list = await t.api('GET', '/api/staff');
      expect(list.body.items.some((m: { email: string }) => m.email === 'x@example.com')).toBe(false);
      const bad = await t.api('POST', '/api/staff/sign-in', {
        key: null,
        body: { email: 'x@example.com', password: 12 },
      });
      expect(bad.status).toBe(400);
    },
    SCRYPT_UNDER_LOAD_MS,
  );
});
