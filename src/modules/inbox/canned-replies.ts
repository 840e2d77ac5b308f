// Canned replies with variables: {{customer.name}}, {{agent.name}}, {{order.number}}… A variable the
// caller does not supply is left out (an empty string), never shown as braces to the customer.
import { sql } from 'drizzle-orm';
import { AppError, newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { inboxCannedReplies } from './inbox.schema.js';
import type { CannedReply } from './inbox.types.js';

type CannedRow = SqlRow<typeof inboxCannedReplies>;

const toCanned = (r: CannedRow): CannedReply => ({
  id: r.id,
  shortcut: r.shortcut,
  title: r.title,
  body: r.body,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Fills `{{ name.path }}` from the variables; unknown names become empty. */
export function renderCannedReply(
  body: string,
  variables: Record<string, string | number | null | undefined>,
): string {
  return body.replace(/\{\{\s*([a-zA-Z][\w.]{0,60})\s*\}\}/g, (_, name: string) => {
    const v = variables[name];
    return v === null || v === undefined ? '' : String(v);
  });
}

export async function listCannedReplies(ctx: Ctx): Promise<CannedReply[]> {
  return (await rows<CannedRow>(ctx.db, sql`select * from inbox_canned_replies order by shortcut`)).map(
    toCanned,
  );
}

export async function saveCannedReply(
  ctx: Ctx,
  input: { shortcut: string; title: string; body: string },
): Promise<CannedReply> {
  const now = ctx.clock.now().toISOString();
  const r = await firstRow<CannedRow>(
    ctx.db,
    sql`insert into inbox_canned_replies (id, shortcut, title, body, created_at, updated_at)
        values (${newId('cnr')}, ${input.shortcut}, ${input.title}, ${input.body}, ${now}, ${now})
        on conflict (shortcut) do update set title = excluded.title, body = excluded.body, updated_at = excluded.updated_at
        returning *`,
  );
  return toCanned(r!);
}

export async function deleteCannedReply(ctx: Ctx, id: string): Promise<void> {
  const r = await firstRow<{ id: string }>(
    ctx.db,
    sql`delete from inbox_canned_replies where id = ${id} returning id`,
  );
  if (!r) throw new AppError('not_found', 'No such canned reply');
}
