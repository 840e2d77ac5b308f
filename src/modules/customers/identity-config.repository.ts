// SQL of the retailer's identity configuration: one JSON row in customer_settings.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { customerSettings } from './customers.schema.js';

const KEY = 'identity_rules';

export async function selectIdentityConfig(exec: Executor): Promise<{ value: string; at: Date } | null> {
  const [r] = await exec
    .select({ value: customerSettings.value, at: customerSettings.createdAt })
    .from(customerSettings)
    .where(eq(customerSettings.key, KEY));
  return r ?? null;
}

export async function upsertIdentityConfig(exec: Executor, value: string, at: Date): Promise<void> {
  await exec
    .insert(customerSettings)
    .values({ key: KEY, value, createdAt: at })
    .onConflictDoUpdate({ target: customerSettings.key, set: { value, createdAt: at } });
}
