// Teams: a conversation routed to a team is round-robined among the team's available members only;
// an assignee outside the team is taken off; the inbox page filters by team; unknown teams and
// hostile bodies are refused naming the field; readers cannot change teams.
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('inbox teams', (t) => {
  it('routes to a team, round-robins among its members only, and filters the inbox by team', async () => {
    const ctx = t.hub.systemCtx();
    for (const [agentId, name] of [
      ['stf_anna', 'Anna'],
      ['stf_bo', 'Bo'],
      ['stf_cleo', 'Cleo'],
    ])
      expect(
        (await t.api('PUT', `/api/inbox/agents/${agentId}`, { body: { name, available: true } })).status,
      ).toBe(200);
    const team = await t.api('POST', '/api/inbox/teams', {
      body: { name: 'Returns', agentIds: ['stf_bo', 'stf_cleo', 'stf_bo'] },
    });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    expect(team.body.agentIds).toEqual(['stf_bo', 'stf_cleo']);
    const dup = await t.api('POST', '/api/inbox/teams', { body: { name: 'Returns' } });
    expect(dup.status).toBe(400);

    const flow = t.hub.services.inboxFlow;
    const open = async (n: number) =>
      (
        await flow.receiveInbound(ctx, {
          channelKind: 'sms',
          externalId: `SMteam${n}`,
          from: { identifierType: 'phone', value: `+3161000000${n}`, trust: 'verified' },
          text: 'I want to return a jacket',
          occurredAt: new Date(),
        })
      ).conversation.id;
    const ids = [await open(1), await open(2), await open(3)];
    // Anna holds the first one, then it goes to Returns: she is not in it, so she is taken off.
    await t.api('POST', `/api/inbox/conversations/${ids[0]}/assignment`, { body: { agentId: 'stf_anna' } });
    const routed = await t.api('POST', `/api/inbox/conversations/${ids[0]}/team`, {
      body: { teamId: team.body.id },
    });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ teamId: team.body.id, assigneeId: null });

    const given: string[] = [];
    for (const id of ids) {
      await t.api('POST', `/api/inbox/conversations/${id}/team`, { body: { teamId: team.body.id } });
      const r = await t.api('POST', `/api/inbox/conversations/${id}/assignment`, {
        body: { roundRobin: true },
      });
      expect(r.status).toBe(200);
      given.push(r.body.assigneeId);
    }
    expect(given).not.toContain('stf_anna');
    expect(new Set(given)).toEqual(new Set(['stf_bo', 'stf_cleo']));

    const listed = await t.api('GET', `/api/inbox/conversations?team=${team.body.id}`);
    expect(listed.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    const other = await t.api('GET', '/api/inbox/conversations?team=none');
    expect(other.body.items.filter((c: { id: string }) => ids.includes(c.id))).toHaveLength(0);

    // Nobody of the team available: refused with the reason, not given to someone outside it.
    for (const a of ['stf_bo', 'stf_cleo'])
      await t.api('PUT', `/api/inbox/agents/${a}`, { body: { name: a, available: false } });
    const none = await t.api('POST', `/api/inbox/conversations/${ids[0]}/assignment`, {
      body: { roundRobin: true },
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('no_agent_available');

    const unknown = await t.api('POST', `/api/inbox/conversations/${ids[0]}/team`, {
      body: { teamId: 'itm_nope' },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('body.teamId');
    const hostile = await t.api('POST', '/api/inbox/teams', { body: { name: 'x\u0000y' } });
    expect(hostile.status).toBe(400);

    const renamed = await t.api('PUT', `/api/inbox/teams/${team.body.id}`, {
      body: { name: 'Returns NL', agentIds: ['stf_anna'] },
    });
    expect(renamed.body).toEqual({ id: team.body.id, name: 'Returns NL', agentIds: ['stf_anna'] });
    expect((await t.api('DELETE', `/api/inbox/teams/${team.body.id}`)).status).toBe(204);
    expect((await t.api('GET', `/api/inbox/conversations/${ids[0]}`)).body.conversation.teamId).toBeNull();
    expect((await t.api('GET', '/api/inbox/teams')).body.items).toEqual([]);
  });

  it('refuses team changes without inbox:write or a key', async () => {
    const reader = (
      await t.api('POST', '/api/keys', { body: { name: 'teams-read', scopes: ['inbox:read'] } })
    ).body.secret;
    expect((await t.api('POST', '/api/inbox/teams', { key: reader, body: { name: 'X' } })).status).toBe(403);
    expect((await t.api('POST', '/api/inbox/teams', { key: null, body: { name: 'X' } })).status).toBe(401);
    expect((await t.api('GET', '/api/inbox/teams', { key: reader })).status).toBe(200);
  });
});
