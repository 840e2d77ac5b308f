// The inbox settings page in a real browser: an admin writes a canned reply (then renames its
// shortcut: one reply, not two), adds two staff agents to the round-robin pool, marks one away,
// makes a team of one and edits its members, deletes it; a bad shortcut is refused naming the field.
// The page reads in Dutch too. Every change is checked on the hub's API, not only on the screen.
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

describeBrowser('admin inbox settings', (t) => {
  it('manages canned replies, the agents’ pool and teams', async () => {
    const stamp = Date.now();
    const staff = [];
    for (const name of ['Iris', 'Omar']) {
      const res = await t.api('POST', '/api/staff', {
        name,
        email: `${name.toLowerCase()}.${stamp}@shop.example`,
        role: 'agent',
        password: 'inbox agent password 1',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      staff.push(res.body as { id: string; name: string });
    }
    const page = await (await t.newContext({ width: 1300, height: 1400 })).newPage();
    const native: string[] = [];
    page.on('dialog', (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Inbox settings' }).click();
    await page.getByRole('heading', { name: 'Inbox settings', level: 1 }).waitFor();

    // A canned reply; a shortcut with spaces is refused, naming the field.
    const reply = page.getByRole('form', { name: 'New canned reply' });
    await reply.getByLabel('Shortcut').fill('bad shortcut');
    await reply.getByLabel('Title').fill('Where is my parcel');
    await reply.getByLabel('Text').fill('Hello {{customer.name}}, your order {{order.number}} ships today.');
    await reply.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => reply.getByLabel('Shortcut').getAttribute('aria-invalid'), LIVE).toBe('true');
    await reply.getByLabel('Shortcut').fill('parcel');
    await reply.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Canned reply /parcel saved.').waitFor();
    await page.getByRole('cell', { name: '/parcel', exact: true }).waitFor();
    // Renaming the shortcut keeps one reply.
    await page.getByRole('button', { name: 'Edit /parcel' }).click();
    const edit = page.getByRole('form', { name: 'Edit /parcel' });
    await edit.getByLabel('Shortcut').fill('where');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Canned reply /where saved.').waitFor();
    const canned = (await t.api('GET', '/api/inbox/canned-replies')).body as {
      items: Array<{ shortcut: string; body: string }>;
    };
    expect(canned.items.map((c) => c.shortcut)).toEqual(['where']);
    expect(canned.items[0]!.body).toContain('{{order.number}}');

    // Both agents into the pool; Omar is away.
    for (const m of staff) {
      await page
        .getByLabel('Staff member')
        .selectOption({ label: `${m.name} (${m.name.toLowerCase()}.${stamp}@shop.example)` });
      await page.getByRole('button', { name: 'Add to the pool' }).click();
      await page.getByText(`${m.name} is in the pool.`).waitFor();
    }
    await page.getByRole('button', { name: 'Mark away Omar' }).click();
    await page.getByRole('button', { name: 'Mark available Omar' }).waitFor();
    const pool = (await t.api('GET', '/api/inbox/agents')).body as {
      items: Array<{ agentId: string; available: boolean }>;
    };
    expect(pool.items.map((a) => [a.agentId, a.available]).sort()).toEqual(
      [
        [staff[0]!.id, true],
        [staff[1]!.id, false],
      ].sort(),
    );

    // A team of Iris; then Omar joins and Iris leaves.
    const team = page.getByRole('form', { name: 'New team' });
    await team.getByLabel('Team name').fill('Returns desk');
    await team.getByLabel('Iris').check();
    await team.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Team Returns desk saved.').waitFor();
    await page.getByRole('row', { name: /Returns desk.*Iris/ }).waitFor();
    await page.getByRole('button', { name: 'Edit Returns desk' }).click();
    const teamEdit = page.getByRole('form', { name: 'Edit team Returns desk' });
    await teamEdit.getByLabel('Iris').uncheck();
    await teamEdit.getByLabel('Omar').check();
    await teamEdit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /Returns desk.*Omar/ }).waitFor();
    const teams = (await t.api('GET', '/api/inbox/teams')).body as {
      items: Array<{ name: string; agentIds: string[] }>;
    };
    expect(teams.items).toEqual([
      expect.objectContaining({ name: 'Returns desk', agentIds: [staff[1]!.id] }),
    ]);
    await t.screenshot(page, 'admin-inbox-settings');

    // The same page in Dutch.
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Inbox-instellingen', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Standaardantwoorden' }).waitFor();
    await page.getByLabel('Taal').selectOption('en');

    // Asked in the page's own dialog: Cancel keeps the team, Delete removes it.
    await page.getByRole('button', { name: 'Delete Returns desk' }).click();
    const ask = page.getByRole('dialog', { name: 'Delete Returns desk?' });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ask.isVisible(), LIVE).toBe(false);
    expect((await t.api('GET', '/api/inbox/teams')).body.items).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete Returns desk' }).click();
    await ask.waitFor();
    await t.screenshot(page, 'admin-confirm-delete-team');
    await ask.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Team Returns desk deleted', { exact: false }).waitFor();
    expect(native).toEqual([]);
    expect(((await t.api('GET', '/api/inbox/teams')).body as { items: unknown[] }).items).toEqual([]);
  }, 60_000);
});
