// Staff self-service (#20): sign-in with a six-digit code mailed through a real (local) SMTP relay
// (the same answer for an unknown address, a used-up or wrong code refused, the till rule kept), and
// changing one's own password (the current one required; the other sessions end, this one stays).
import { expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = { mailFrom: 'Hub <hub@example.test>' };
const smtp = captureMail(config);

const PASSWORD = 'correct horse battery';

describeEachHub(
  'staff self-service',
  (t) => {
    const api = (method: string, path: string, body: unknown, key: string | null = null, ip = 'a') =>
      t.api(method, path, { key, body, headers: { 'x-forwarded-for': ip } });

    it('signs a member in with a mailed code; unknown addresses get the same answer', async () => {
      const created = await t.api('POST', '/api/staff', {
        body: {
          name: 'Mia Marketer',
          email: `mia-${t.kind}@example.test`,
          role: 'marketer',
          password: PASSWORD,
        },
      });
      expect(created.status).toBe(201);
      const asked = await api('POST', '/api/staff/sign-in/code', { email: `Mia-${t.kind}@Example.test` });
      expect(asked.status).toBe(202);
      const unknown = await api('POST', '/api/staff/sign-in/code', { email: 'nobody@example.test' });
      expect(unknown).toMatchObject({ status: 202, body: asked.body });
      const code = await smtp.signInCode(`mia-${t.kind}@example.test`);
      expect(code).toMatch(/^\d{6}$/);
      expect(smtp.mails.some((m) => m.to.includes('nobody@example.test'))).toBe(false);

      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const refused = await api('POST', '/api/staff/sign-in/code/verify', {
        email: `mia-${t.kind}@example.test`,
        code: wrong,
      });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('staff_sign_in_failed');
      const noMember = await api('POST', '/api/staff/sign-in/code/verify', {
        email: 'nobody@example.test',
        code,
      });
      expect(noMember).toMatchObject({ status: 401, body: { code: 'staff_sign_in_failed' } });

      const ok = await api('POST', '/api/staff/sign-in/code/verify', {
        email: `mia-${t.kind}@example.test`,
        code,
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.token).toMatch(/^ohst_/);
      expect(ok.body.staff).toMatchObject({ email: `mia-${t.kind}@example.test`, role: 'marketer' });
      const me = await t.api('GET', '/api/staff/me', { key: ok.body.token });
      expect(me.body.email).toBe(`mia-${t.kind}@example.test`);
      // A code works once.
      const again = await api('POST', '/api/staff/sign-in/code/verify', {
        email: `mia-${t.kind}@example.test`,
        code,
      });
      expect(again.status).toBe(401);
      // Malformed input is a 400 naming the field.
      const bad = await api('POST', '/api/staff/sign-in/code/verify', {
        email: `mia-${t.kind}@example.test`,
        code: '12ab',
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.errors)).toContain('body.code');
    });

    it('voids a code after five wrong guesses and caps the mails per member', async () => {
      await t.api('POST', '/api/staff', {
        body: { name: 'Gus Guesser', email: `gus-${t.kind}@example.test`, role: 'agent' },
      });
      await api('POST', '/api/staff/sign-in/code', { email: `gus-${t.kind}@example.test` }, null, 'g1');
      const code = await smtp.signInCode(`gus-${t.kind}@example.test`);
      const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 5; i++) {
        const r = await api(
          'POST',
          '/api/staff/sign-in/code/verify',
          { email: `gus-${t.kind}@example.test`, code: wrong },
          null,
          `g${i}`,
        );
        expect(r.status).toBe(401);
      }
      const late = await api(
        'POST',
        '/api/staff/sign-in/code/verify',
        { email: `gus-${t.kind}@example.test`, code },
        null,
        'g9',
      );
      expect(late.status).toBe(401);
      // Four more mails make five this hour; the sixth request sends nothing (and answers the same).
      const before = smtp.mails.filter((m) => m.to.includes(`gus-${t.kind}@example.test`)).length;
      for (let i = 0; i < 5; i++) {
        expect(
          (
            await api(
              'POST',
              '/api/staff/sign-in/code',
              { email: `gus-${t.kind}@example.test` },
              null,
              `q${i}`,
            )
          ).status,
        ).toBe(202);
      }
      await smtp.nextMailTo(`gus-${t.kind}@example.test`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.mails.filter((m) => m.to.includes(`gus-${t.kind}@example.test`)).length - before).toBe(4);
    });

    it('changes one’s own password: current one required, other sessions end, this one stays', async () => {
      await t.api('POST', '/api/staff', {
        body: { name: 'Pia Password', email: 'pia@example.test', role: 'admin', password: PASSWORD },
      });
      const signIn = async (password: string, ip: string) =>
        api('POST', '/api/staff/sign-in', { email: 'pia@example.test', password }, null, ip);
      const desk = (await signIn(PASSWORD, 'p1')).body.token as string;
      const laptop = (await signIn(PASSWORD, 'p2')).body.token as string;
      const wrong = await api(
        'POST',
        '/api/staff/me/password',
        { currentPassword: 'not it at all', newPassword: 'a new long password' },
        desk,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0]).toMatchObject({ path: 'body.currentPassword' });
      const short = await api(
        'POST',
        '/api/staff/me/password',
        { currentPassword: PASSWORD, newPassword: 'short' },
        desk,
      );
      expect(short.status).toBe(400);
      expect(JSON.stringify(short.body.errors)).toContain('body.newPassword');
      // An API key is no staff session.
      const byKey = await t.api('POST', '/api/staff/me/password', {
        body: { currentPassword: PASSWORD, newPassword: 'a new long password' },
      });
      expect(byKey.status).toBe(403);

      const changed = await api(
        'POST',
        '/api/staff/me/password',
        { currentPassword: PASSWORD, newPassword: 'a new long password' },
        desk,
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(204);
      expect((await t.api('GET', '/api/staff/me', { key: desk })).status).toBe(200);
      expect((await t.api('GET', '/api/staff/me', { key: laptop })).status).toBe(401);
      expect((await signIn(PASSWORD, 'p3')).status).toBe(401);
      expect((await signIn('a new long password', 'p4')).status).toBe(200);
    });
  },
  { config },
);
