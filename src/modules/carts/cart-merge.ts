// What happens to a shopper's carts when they are identified: merge lines into one cart, keep only
// the newest, or keep both. Planned in memory (pure), applied by the service in one transaction.

import { holdStatusOf } from './cart-holds.js';
import type { Cart, CartLine, MergeOutcome, MergeStrategy } from './carts.types.js';

export interface MergePlan {
  outcome: MergeOutcome;
  /** Carts to write, with their new state. */
  writes: Cart[];
  /** Carts dropped (keep_newest) or folded (merge_lines), whose holds moved or must be released. */
  retired: Cart[];
}

const newestFirst = (a: Cart, b: Cart) =>
  b.updatedAt.getTime() - a.updatedAt.getTime() || (b.id < a.id ? -1 : 1);

/**
 * `carts`: the active carts of the profile and of the anonymous ids being identified as it.
 * merge_lines: the profile's newest cart (or the newest cart) takes every other cart's lines; the
 * same SKU at the same price adds up. keep_newest: the newest cart stays, the others are dropped.
 * keep_both: every cart stays and belongs to the profile.
 */
export function planMerge(carts: Cart[], profileId: string, strategy: MergeStrategy): MergePlan {
  const sorted = [...carts].sort(newestFirst);
  const empty: MergeOutcome = {
    strategy,
    cartId: null,
    mergedCartIds: [],
    keptCartIds: [],
    linesAdded: [],
    quantitiesCombined: [],
    summary: 'No active carts to merge',
  };
  if (sorted.length === 0) return { outcome: empty, writes: [], retired: [] };
  const claim = (c: Cart): Cart => ({ ...c, profileId });

  if (strategy === 'keep_both' || sorted.length === 1) {
    const writes = sorted.filter((c) => c.profileId !== profileId).map(claim);
    return {
      outcome: {
        ...empty,
        strategy,
        cartId: sorted[0]!.id,
        keptCartIds: sorted.map((c) => c.id),
        summary:
          sorted.length === 1
            ? 'One cart: it now belongs to the customer'
            : `Kept all ${sorted.length} carts; each now belongs to the customer`,
      },
      writes,
      retired: [],
    };
  }

  if (strategy === 'keep_newest') {
    const [newest, ...older] = sorted as [Cart, ...Cart[]];
    const retired = older.map((c) => ({ ...c, status: 'abandoned' as const }));
    return {
      outcome: {
        ...empty,
        strategy,
        cartId: newest.id,
        keptCartIds: [newest.id],
        mergedCartIds: older.map((c) => c.id),
        summary: `Kept the newest cart ${newest.id}; dropped ${older.length} older cart(s) and released their holds`,
      },
      writes: [claim(newest), ...retired],
      retired: older,
    };
  }

  // merge_lines: the customer's own newest cart is the target, so their channel and currency win.
  const target = sorted.find((c) => c.profileId === profileId) ?? sorted[0]!;
  const others = sorted.filter((c) => c.id !== target.id);
  const lines: CartLine[] = target.lines.map((l) => ({ ...l, holds: [...l.holds] }));
  const linesAdded: MergeOutcome['linesAdded'] = [];
  const combined = new Map<string, number>();
  for (const other of others) {
    for (const l of other.lines) {
      const same = lines.find(
        (t) => t.sku === l.sku && t.unitPrice === l.unitPrice && other.currency === target.currency,
      );
      if (same) {
        same.quantity += l.quantity;
        same.holds.push(...l.holds);
        same.holdStatus = holdStatusOf(same.quantity, same.holds);
        combined.set(l.sku, same.quantity);
      } else {
        lines.push({ ...l, holds: [...l.holds] });
        linesAdded.push({ sku: l.sku, quantity: l.quantity, fromCartId: other.id });
      }
    }
  }
  const merged: Cart = {
    ...claim(target),
    lines,
    itemsTotal: lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0),
  };
  const folded = others.map((c) => ({ ...claim(c), status: 'merged' as const, mergedInto: target.id }));
  return {
    outcome: {
      strategy,
      cartId: target.id,
      keptCartIds: [target.id],
      mergedCartIds: others.map((c) => c.id),
      linesAdded,
      quantitiesCombined: [...combined].map(([sku, quantity]) => ({ sku, quantity })),
      summary: `Merged ${others.length} cart(s) into ${target.id}: ${linesAdded.length} line(s) added, ${combined.size} quantity(ies) combined`,
    },
    writes: [merged, ...folded],
    retired: [],
  };
}
