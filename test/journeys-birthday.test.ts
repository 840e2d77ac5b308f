// The birthday journey end to end (#15): a customer whose birthday trait is today in their own time
// zone is wished a happy birthday once that year by the hourly sweep (run now through the API), a
// customer whose birthday is tomorrow is not, and a second sweep starts nothing. The birthday trait
// must be a real date; the sweep route has its refusals.
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { BIRTHDAY_FROM_HOUR, localDate } from '../src/flows/journeys/birthday.js';
import type { HubConfig } from '../src/platform/config.js';
import { eventually } from './helpers/eventually.js';
import { JOURNEY_TEST_BRAND as BRAND, JOURNEY_TEST_RULES as RULES } from './helpers/journey-settings.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub, ok } from './helpers/test-hub.js';
import { createWebChannel } from './helpers/webshop-fixture.js';

const config: Partial<HubConfig> = {};
const smtp = captureMail(config);

/** A fixed-offset zone where it is now past the birthday hour (one always is: UTC−12 … UTC+14). */
function morningZone(now: Date): string {
  for (let h = -12; h <= 14; h++) {
    // Etc/GMT signs are inverted: Etc/GMT-9 is UTC+9.
    const zone = h === 0 ? 'Etc/GMT' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
    const local = localDate(now, zone);
    if (local && local.hour >= BIRTHDAY_FROM_HOUR && local.hour < 22) return zone;
  }
  throw new Error('no zone in its morning');
}
const pad = (n: number) => String(n).padStart(2, '0');

describeEachHub(
  'journeys: birthday',
  (t) => {
    const tag = () => `${t.kind}-${Math.random().toString(36).slice(2, 8)}`;
    let channelId = '';
    const customer = async (email: string, traits: Record<string, unknown>) => {
      const r = await ok(t, 'POST', '/api/customers/identify', {
        channelId,
        identifiers: [{ type: 'email', value: email }],
      });
      await ok(t, 'PUT', `/api/customers/${r.customerId}/consent`, {
        purpose: 'marketing',
        channel: '*',
        granted: true,
      });
      await ok(t, 'PATCH', `/api/customers/${r.customerId}/traits`, { traits });
      return r.customerId as string;
    };

    it('wishes a happy birthday once a year, in the customer’s own zone, and not a day early', async () => {
      channelId = await createWebChannel(t, `bd-${tag()}`);
      await ok(t, 'PUT', '/api/messaging/settings', { brand: BRAND, rules: RULES });
      // Off until turned on.
      expect((await ok(t, 'POST', '/api/journeys/birthday/sweep')).started).toBe(0);
      await ok(t, 'PUT', '/api/journeys/birthday', {
        enabled: true,
        delaySeconds: 0,
        channelOrder: ['email'],
      });

      const zone = morningZone(new Date());
      const today = localDate(new Date(), zone)!;
      const tomorrow = localDate(new Date(Date.now() + 86_400_000), zone)!;
      const ana = `ana-${tag()}@example.com`;
      const ben = `ben-${tag()}@example.com`;
      const anaId = await customer(ana, {
        birthday: `1990-${pad(today.month)}-${pad(today.day)}`,
        timezone: zone,
      });
      const benId = await customer(ben, {
        birthday: `--${pad(tomorrow.month)}-${pad(tomorrow.day)}`,
        timezone: zone,
      });

      expect((await ok(t, 'POST', '/api/journeys/birthday/sweep')).started).toBe(1);
      const mail = await smtp.nextMailTo(ana, 15_000);
      const parsed = await simpleParser(mail.raw);
      expect(parsed.subject).toBe(`${BRAND.name}: happy birthday!`);
      // Once that year, however often the sweep runs.
      expect((await ok(t, 'POST', '/api/journeys/birthday/sweep')).started).toBe(0);
      const runs = await eventually(
        () => ok(t, 'GET', `/api/customers/${anaId}/messages`),
        (m) =>
          m.runs.some(
            (r: { journey: string; status: string }) => r.journey === 'birthday' && r.status === 'completed',
          ),
      );
      expect(runs.runs.filter((r: { journey: string }) => r.journey === 'birthday')).toHaveLength(1);
      expect((await ok(t, 'GET', `/api/customers/${benId}/messages`)).runs).toEqual([]);
      expect(smtp.mails.filter((m) => m.to.includes(ben))).toHaveLength(0);
    });

    it('refuses a birthday that is not a date, naming the trait, and keeps the old one', async () => {
      const id = await customer(`cleo-${tag()}@example.com`, { birthday: '1985-11-30' });
      for (const bad of ['1985-02-30', '30/11/1985', 19851130, '1985-11-30x']) {
        const r = await t.api('PATCH', `/api/customers/${id}/traits`, {
          body: { traits: { birthday: bad } },
        });
        expect(r.status, String(bad)).toBe(400);
        expect(JSON.stringify(r.body)).toContain('birthday');
      }
      const view = await ok(t, 'GET', `/api/customers/${id}`);
      expect(view.traits.birthday.value).toBe('1985-11-30');
    });

    it('refuses the sweep to a reader, a publishable key and an unknown journey', async () => {
      const reader = (await ok(t, 'POST', '/api/keys', { name: `r-${tag()}`, scopes: ['journeys:read'] }))
        .secret;
      const pk = (await ok(t, 'POST', '/api/keys', { name: `p-${tag()}`, kind: 'publishable', channelId }))
        .secret;
      expect((await t.api('POST', '/api/journeys/birthday/sweep', { key: reader })).status).toBe(403);
      expect([401, 403]).toContain((await t.api('POST', '/api/journeys/birthday/sweep', { key: pk })).status);
      expect((await t.api('POST', '/api/journeys/birthday/sweep', { key: null })).status).toBe(401);
      const unknown = await t.api('POST', '/api/journeys/tier_reached/sweep');
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('key');
    });
  },
  { config },
);
