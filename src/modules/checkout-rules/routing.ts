// Where a shipped order leaves from. Routing strategies are pluggable: each turns the order's lines
// and the candidate locations (with their free stock) into shipments, and says for every location
// why it was chosen. Built in: nearest with stock, fewest shipments, store priority.

export interface Candidate {
  locationId: string;
  code: string;
  name: string;
  type: 'warehouse' | 'store';
  latitude: number | null;
  longitude: number | null;
  country: string | null;
  /** Position in the channel's sourcing order (0 first). */
  priority: number;
  /** Free units per SKU (on hand − reserved). */
  stock: Map<string, number>;
}

export interface Destination {
  latitude: number | null;
  longitude: number | null;
  country: string | null;
}

export interface RoutedShipment {
  locationId: string;
  kind: 'ship_from_warehouse' | 'ship_from_store';
  lines: Array<{ sku: string; quantity: number }>;
  reason: string;
  distanceKm: number | null;
}

export type RoutingResult =
  | { ok: true; shipments: RoutedShipment[] }
  | { ok: false; reason: 'insufficient_stock'; sku: string; requested: number; available: number };

export interface RoutingStrategy {
  name: string;
  route(
    lines: Array<{ sku: string; quantity: number }>,
    candidates: Candidate[],
    to: Destination,
  ): RoutingResult;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(
  a: { latitude: number | null; longitude: number | null },
  b: Destination,
): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

const kindOf = (c: Candidate) =>
  (c.type === 'store' ? 'ship_from_store' : 'ship_from_warehouse') as RoutedShipment['kind'];

/** Collects picks (location, sku, qty, why) into one shipment per location. */
function toShipments(
  picks: Array<{ c: Candidate; sku: string; quantity: number; why: string }>,
  to: Destination,
): RoutedShipment[] {
  const byLocation = new Map<string, RoutedShipment>();
  for (const p of picks) {
    let s = byLocation.get(p.c.locationId);
    if (!s) {
      s = {
        locationId: p.c.locationId,
        kind: kindOf(p.c),
        lines: [],
        reason: p.why,
        distanceKm: distanceKm(p.c, to),
      };
      byLocation.set(p.c.locationId, s);
    } else if (!s.reason.includes(p.why)) s.reason = `${s.reason}; ${p.why}`;
    const line = s.lines.find((l) => l.sku === p.sku);
    if (line) line.quantity += p.quantity;
    else s.lines.push({ sku: p.sku, quantity: p.quantity });
  }
  return [...byLocation.values()];
}

/** Takes each line from candidates in the given order, splitting when one has too few. */
function takeInOrder(
  lines: Array<{ sku: string; quantity: number }>,
  order: (sku: string) => Candidate[],
  why: (c: Candidate, sku: string) => string,
  to: Destination,
): RoutingResult {
  const free = new Map<string, Map<string, number>>();
  const picks: Array<{ c: Candidate; sku: string; quantity: number; why: string }> = [];
  for (const line of lines) {
    let rest = line.quantity;
    for (const c of order(line.sku)) {
      if (rest === 0) break;
      const stock = free.get(c.locationId) ?? new Map(c.stock);
      free.set(c.locationId, stock);
      const take = Math.min(rest, stock.get(line.sku) ?? 0);
      if (take <= 0) continue;
      stock.set(line.sku, (stock.get(line.sku) ?? 0) - take);
      picks.push({ c, sku: line.sku, quantity: take, why: why(c, line.sku) });
      rest -= take;
    }
    if (rest > 0) {
      return {
        ok: false,
        reason: 'insufficient_stock',
        sku: line.sku,
        requested: line.quantity,
        available: line.quantity - rest,
      };
    }
  }
  return { ok: true, shipments: toShipments(picks, to) };
}

export const nearestWithStock: RoutingStrategy = {
  name: 'nearest_with_stock',
  route(lines, candidates, to) {
    const ranked = [...candidates].sort((a, b) => {
      const da = distanceKm(a, to);
      const db = distanceKm(b, to);
      if (da !== null && db !== null && da !== db) return da - db;
      if (da === null && db !== null) return 1;
      if (db === null && da !== null) return -1;
      const sameA = a.country !== null && a.country === to.country ? 0 : 1;
      const sameB = b.country !== null && b.country === to.country ? 0 : 1;
      return sameA - sameB || a.priority - b.priority;
    });
    return takeInOrder(
      lines,
      () => ranked,
      (c, sku) => {
        const d = distanceKm(c, to);
        return d !== null
          ? `nearest with stock of ${sku} (${d} km)`
          : `nearest with stock of ${sku} (no coordinates; same country first)`;
      },
      to,
    );
  },
};

export const fewestShipments: RoutingStrategy = {
  name: 'fewest_shipments',
  route(lines, candidates, to) {
    // Greedy set cover: the location that can send the most of what is still open goes first.
    const open = new Map(lines.map((l) => [l.sku, l.quantity]));
    const picks: Array<{ c: Candidate; sku: string; quantity: number; why: string }> = [];
    const used = new Set<string>();
    while ([...open.values()].some((q) => q > 0)) {
      let best: { c: Candidate; units: number } | null = null;
      for (const c of candidates) {
        if (used.has(c.locationId)) continue;
        const units = [...open].reduce((s, [sku, q]) => s + Math.min(q, c.stock.get(sku) ?? 0), 0);
        if (
          units > 0 &&
          (!best || units > best.units || (units === best.units && c.priority < best.c.priority))
        )
          best = { c, units };
      }
      if (!best) {
        const [sku, missing] = [...open].find(([, q]) => q > 0)!;
        const requested = lines.find((l) => l.sku === sku)!.quantity;
        return { ok: false, reason: 'insufficient_stock', sku, requested, available: requested - missing };
      }
      used.add(best.c.locationId);
      const total = [...open.values()].reduce((s, q) => s + q, 0);
      for (const [sku, q] of open) {
        const take = Math.min(q, best.c.stock.get(sku) ?? 0);
        if (take <= 0) continue;
        open.set(sku, q - take);
        picks.push({
          c: best.c,
          sku,
          quantity: take,
          why: `sends ${best.units} of the ${total} open units in one shipment`,
        });
      }
    }
    return { ok: true, shipments: toShipments(picks, to) };
  },
};

export const storePriority: RoutingStrategy = {
  name: 'store_priority',
  route(lines, candidates, to) {
    // Stores first (clears store stock, uses staff already there), then the channel's sourcing order.
    const ranked = [...candidates].sort(
      (a, b) => (a.type === 'store' ? 0 : 1) - (b.type === 'store' ? 0 : 1) || a.priority - b.priority,
    );
    return takeInOrder(
      lines,
      () => ranked,
      (c, sku) =>
        c.type === 'store'
          ? `store priority: ${c.name} has ${sku} (sourcing position ${c.priority + 1})`
          : `no store had enough ${sku}; warehouse ${c.name}`,
      to,
    );
  },
};

export const ROUTING_STRATEGIES: Record<string, RoutingStrategy> = {
  nearest_with_stock: nearestWithStock,
  fewest_shipments: fewestShipments,
  store_priority: storePriority,
};
