// Read and write small installation facts (hub_meta).
import { sql } from 'drizzle-orm';
import { type Executor, firstRow } from './database.js';

export async function getMeta<T>(exec: Executor, key: string): Promise<T | undefined> {
  const r = await firstRow<{ value: T }>(exec, sql`select value from hub_meta where key = ${key}`);
  return r?.value;
}

export async function setMeta(exec: Executor, key: string, value: unknown): Promise<void> {
  await exec.execute(
    sql`insert into hub_meta (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value, updated_at = now()`,
  );
}
