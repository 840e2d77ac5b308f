// SQL of the regulation records (customer_regulations): what every suppress, delete and unsuppress
// did, newest first for the list.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { customerRegulations } from './customers.schema.js';

export type RegulationRow = typeof customerRegulations.$inferSelect;

export async function insertRegulation(exec: Executor, row: RegulationRow): Promise<void> {
  await exec.insert(customerRegulations).values(row);
}

/** Newest first; `before` is the id of the last row of the previous page (ids sort by time). */
export async function selectRegulations(
  exec: Executor,
  q: { regulationType?: string | undefined; customerId?: string | undefined; before?: string | undefined },
  limit: number,
): Promise<RegulationRow[]> {
  const where: SQL[] = [];
  if (q.regulationType) where.push(eq(customerRegulations.regulationType, q.regulationType));
  if (q.customerId) where.push(eq(customerRegulations.customerId, q.customerId));
  if (q.before) where.push(lt(customerRegulations.id, q.before));
  return exec
    .select()
    .from(customerRegulations)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(customerRegulations.id))
    .limit(limit);
}
