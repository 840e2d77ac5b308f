// Teams of agents: a conversation routed to a team is round-robined among its members only, and an
// agent of another team is taken off it. Names are unique; members are agent ids of the inbox pool.
import { sql } from 'drizzle-orm';
import { AppError, newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { INBOX_EVENTS, inboxEvent } from './inbox.events.js';
import { updateConversation } from './inbox.repository.js';
import type { Conversation, InboxTeam } from './inbox.types.js';

async function selectTeams(ctx: Ctx, id?: string): Promise<InboxTeam[]> {
  const list = await rows<{ id: string; name: string; agent_ids: string[] | null }>(
    ctx.db,
    sql`select t.id, t.name, array_remove(array_agg(m.agent_id order by m.agent_id), null) as agent_ids
        from inbox_teams t left join inbox_team_members m on m.team_id = t.id
        ${id ? sql`where t.id = ${id}` : sql``}
        group by t.id, t.name order by t.name, t.id`,
  );
  return list.map((r) => ({ id: r.id, name: r.name, agentIds: r.agent_ids ?? [] }));
}

export function createTeamsService(deps: { lockLive: (ctx: Ctx, id: string) => Promise<Conversation> }) {
  async function saveTeam(
    ctx: Ctx,
    input: { id?: string | undefined; name: string; agentIds: string[] },
  ): Promise<InboxTeam> {
    return inTransaction(ctx, async (tx) => {
      const now = tx.clock.now().toISOString();
      const id = input.id ?? newId('itm');
      const taken = await firstRow<{ id: string }>(
        tx.db,
        sql`select id from inbox_teams where name = ${input.name} and id <> ${id}`,
      );
      if (taken)
        throw new AppError('validation_failed', 'Another team has this name', {
          issues: [{ path: 'body.name', message: 'taken by another team' }],
        });
      if (input.id) {
        const r = await firstRow<{ id: string }>(
          tx.db,
          sql`update inbox_teams set name = ${input.name}, updated_at = ${now} where id = ${id} returning id`,
        );
        if (!r) throw new AppError('not_found', `There is no team ${id}`);
        await tx.db.execute(sql`delete from inbox_team_members where team_id = ${id}`);
      } else {
        await tx.db.execute(
          sql`insert into inbox_teams (id, name, created_at, updated_at) values (${id}, ${input.name}, ${now}, ${now})`,
        );
      }
      const members = [...new Set(input.agentIds)];
      if (members.length)
        await tx.db.execute(
          sql`insert into inbox_team_members (team_id, agent_id) values ${sql.join(
            members.map((a) => sql`(${id}, ${a})`),
            sql`, `,
          )}`,
        );
      return (await selectTeams(tx, id))[0]!;
    });
  }

  async function assignTeam(ctx: Ctx, id: string, teamId: string | null): Promise<Conversation> {
    return inTransaction(ctx, async (tx) => {
      const c = await deps.lockLive(tx, id);
      const team = teamId ? (await selectTeams(tx, teamId))[0] : null;
      if (teamId && !team)
        throw new AppError('validation_failed', `There is no team ${teamId}`, {
          issues: [{ path: 'body.teamId', message: 'unknown team' }],
        });
      if (c.teamId === teamId) return c;
      // An assignee who is not in the new team gives the conversation up (the team picks).
      const keep = !team || (c.assigneeId !== null && team.agentIds.includes(c.assigneeId));
      const assigneeId = keep ? c.assigneeId : null;
      const updated = await updateConversation(
        tx.db,
        id,
        sql`team_id = ${teamId}, assignee_id = ${assigneeId}`,
        tx.clock.now(),
      );
      await appendEvents(tx, [
        inboxEvent(INBOX_EVENTS.conversationAssigned, {
          conversationId: id,
          assigneeId,
          roundRobin: false,
          teamId,
        }),
      ]);
      return updated!;
    });
  }

  return {
    saveTeam,
    assignTeam,
    listTeams: (ctx: Ctx) => selectTeams(ctx),
    async deleteTeam(ctx: Ctx, id: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        const r = await firstRow<{ id: string }>(
          tx.db,
          sql`delete from inbox_teams where id = ${id} returning id`,
        );
        if (!r) throw new AppError('not_found', `There is no team ${id}`);
        await tx.db.execute(sql`delete from inbox_team_members where team_id = ${id}`);
        await tx.db.execute(sql`update inbox_conversations set team_id = null where team_id = ${id}`);
      });
    },
  };
}
