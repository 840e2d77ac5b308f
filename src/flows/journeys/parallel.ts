import type { Ctx } from '../../platform/context.js';

/** How many at once: a server's pool has connections to spare; PGlite is one connection. */
export const widthFor = (ctx: Ctx, onServer: number) => (ctx.database.kind === 'postgres' ? onServer : 1);

// Runs work over items with at most `limit` at once (the pool's connections, not one at a time).
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Groups items by key, keeping their order within each group (events of one customer stay in order). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
