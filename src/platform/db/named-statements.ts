// Named (prepared) statements on a PostgreSQL server, without touching any repository: every
// statement with parameters gets a name derived from its text, so each pooled connection parses and
// plans it once and afterwards only binds and executes (the hot paths repeat a few dozen statement
// texts thousands of times). Statements without parameters (migrations, BEGIN/COMMIT, multi-statement
// text) stay unnamed, since the extended protocol that naming needs takes one statement at a time,
// and so do statements marked PLAN_EACH_TIME.
// Off with OMNIHUB_PG_PREPARE=0 (e.g. behind a pooler in transaction mode, where a name prepared on
// one server connection is unknown on the next).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PLAN_EACH_TIME } from './plan-each-time.js';

/** Distinct statement texts named at most; beyond, new texts run unnamed (a bound on server memory). */
const MAX_NAMED = 2_000;
/** Each text's name; '' for a text that stays unnamed (marked PLAN_EACH_TIME). */
const names = new Map<string, string>();

export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return known || undefined;
  if (names.size >= MAX_NAMED) return undefined;
  const name = text.includes(PLAN_EACH_TIME)
    ? ''
    : `oh_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  names.set(text, name);
  return name || undefined;
}

type QueryArgs = Parameters<pg.Client['query']>;

/** A pg client that names each parameterised statement by its text. */
export class NamingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query is overloaded (promise or callback); this passes either through
  override query(...args: unknown[]): any {
    const [config, values, ...rest] = args as [unknown, unknown, ...unknown[]];
    if (
      config !== null &&
      typeof config === 'object' &&
      typeof (config as { text?: unknown }).text === 'string' &&
      !(config as { name?: unknown }).name &&
      Array.isArray(values) &&
      values.length > 0
    ) {
      const name = statementName((config as { text: string }).text);
      // The rest is the callback pool.query passes.
      if (name)
        return super.query(...([{ ...(config as object), name }, values, ...rest] as unknown as QueryArgs));
    }
    return super.query(...(args as QueryArgs));
  }
}

export const namedStatementsEnabled = (): boolean => process.env.OMNIHUB_PG_PREPARE !== '0';
