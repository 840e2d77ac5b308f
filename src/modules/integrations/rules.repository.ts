// SQL of workflow rules and their version history.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { Rule, RuleAction } from './rules.types.js';

interface RuleRow {
  id: string;
  name: string;
  event_type: string;
  condition: string | null;
  actions: RuleAction[] | string;
  enabled: boolean;
  version: number;
  fired_count: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  name: r.name,
  eventType: r.event_type,
  condition: r.condition,
  actions: typeof r.actions === 'string' ? JSON.parse(r.actions) : r.actions,
  enabled: r.enabled,
  version: Number(r.version),
  firedCount: Number(r.fired_count),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const definitionOf = (r: Rule) => ({
  name: r.name,
  eventType: r.eventType,
  condition: r.condition,
  actions: r.actions,
  enabled: r.enabled,
});

/** Writes the rule (insert or update) and records this version of it. */
export async function saveRule(exec: Executor, r: Rule): Promise<Rule> {
  const saved = await firstRow<RuleRow>(
    exec,
    sql`insert into workflow_rules (id, name, event_type, condition, actions, enabled, version, created_at, updated_at)
        values (${r.id}, ${r.name}, ${r.eventType}, ${r.condition}, ${JSON.stringify(r.actions)}::jsonb, ${r.enabled},
          ${r.version}, ${r.createdAt}, ${r.updatedAt})
        on conflict (id) do update set name = excluded.name, event_type = excluded.event_type,
          condition = excluded.condition, actions = excluded.actions, enabled = excluded.enabled,
          version = excluded.version, updated_at = excluded.updated_at
        returning *`,
  );
  await exec.execute(
    sql`insert into workflow_rule_versions (rule_id, version, definition, created_at)
        values (${r.id}, ${r.version}, ${JSON.stringify(definitionOf(r))}::jsonb, ${r.updatedAt})`,
  );
  return toRule(saved!);
}

export async function selectRule(exec: Executor, id: string, forUpdate = false): Promise<Rule | undefined> {
  const r = await firstRow<RuleRow>(
    exec,
    sql`select * from workflow_rules where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toRule(r) : undefined;
}

export async function selectRules(exec: Executor, enabledOnly = false): Promise<Rule[]> {
  const rs = await rows<RuleRow>(
    exec,
    sql`select * from workflow_rules ${enabledOnly ? sql`where enabled` : sql``} order by created_at, id`,
  );
  return rs.map(toRule);
}

export async function deleteRuleRow(exec: Executor, id: string): Promise<void> {
  await exec.execute(sql`delete from workflow_rules where id = ${id}`);
}

export async function selectRuleVersions(exec: Executor, id: string) {
  const rs = await rows<{ version: number; definition: unknown; created_at: Date | string }>(
    exec,
    sql`select version, definition, created_at from workflow_rule_versions where rule_id = ${id} order by version`,
  );
  return rs.map((r) => ({
    version: Number(r.version),
    definition: typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition,
    createdAt: new Date(r.created_at),
  }));
}

export async function bumpFired(exec: Executor, counts: Map<string, number>): Promise<void> {
  if (counts.size === 0) return;
  await exec.execute(
    sql`update workflow_rules w set fired_count = w.fired_count + u.n
        from unnest(${sql.param([...counts.keys()])}::text[], ${sql.param([...counts.values()])}::int[]) as u(id, n)
        where w.id = u.id`,
  );
}
