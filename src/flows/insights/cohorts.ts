// Cohorts, retention, lifetime value and first-response times shaped from the rollups' sums: a cohort is
// the customers whose first order fell in a month (UTC); its retention is the share of them ordering
// again in each following month; LTV is revenue (cancelled orders taken out) per customer of the
// cohort, by cohort and by the channel of the first order.
import type { CohortCell, ResponseSum } from '../../modules/insights/index.js';

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));

export interface CohortRow {
  cohort: string;
  /** Customers whose first order fell in the cohort's month. */
  customers: number;
  /** Month 0 is the cohort's own; share = customers ordering that month / the cohort's customers. */
  months: Array<{ offset: number; customers: number; share: number }>;
}

/** Retention per cohort (customers counted across currencies and first channels). */
export function cohortsOf(cells: CohortCell[]): CohortRow[] {
  const by = new Map<string, Map<number, number>>();
  for (const c of cells) {
    const months = by.get(c.cohortMonth) ?? new Map<number, number>();
    const offset = monthsBetween(c.cohortMonth, c.month);
    months.set(offset, (months.get(offset) ?? 0) + c.customers);
    by.set(c.cohortMonth, months);
  }
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, months]) => {
      const size = months.get(0) ?? 0;
      return {
        cohort,
        customers: size,
        months: [...months]
          .filter(([offset]) => offset > 0)
          .sort(([a], [b]) => a - b)
          .map(([offset, customers]) => ({ offset, customers, share: ratio(customers, size) })),
      };
    });
}

export interface LtvRow {
  key: string;
  currency: string;
  customers: number;
  orders: number;
  revenue: number;
  /** Revenue per customer, minor units. */
  ltv: number;
}

function ltvBy(cells: CohortCell[], keyOf: (c: CohortCell) => string): LtvRow[] {
  const by = new Map<string, LtvRow>();
  for (const c of cells) {
    const id = `${keyOf(c)}\u0000${c.currency}`;
    const row = by.get(id) ?? {
      key: keyOf(c),
      currency: c.currency,
      customers: 0,
      orders: 0,
      revenue: 0,
      ltv: 0,
    };
    if (c.cohortMonth === c.month) row.customers += c.customers;
    row.orders += c.orders;
    row.revenue += c.revenue;
    by.set(id, row);
  }
  return [...by.values()]
    .map((r) => ({ ...r, ltv: r.customers === 0 ? 0 : Math.round(r.revenue / r.customers) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
}

/** Lifetime value by cohort and by first channel. */
export function ltvOf(cells: CohortCell[]): { byCohort: LtvRow[]; byFirstChannel: LtvRow[] } {
  return {
    byCohort: ltvBy(cells, (c) => c.cohortMonth),
    byFirstChannel: ltvBy(cells, (c) => c.firstChannel),
  };
}

export interface ResponseRow {
  channel: string;
  conversations: number;
  responded: number;
  responseRate: number;
  /** Average seconds from the customer's first message to the first reply; null: none answered. */
  averageSeconds: number | null;
}

export const responseRowsOf = (sums: ResponseSum[]): ResponseRow[] =>
  sums.map((s) => ({
    channel: s.channel,
    conversations: s.conversations,
    responded: s.responded,
    responseRate: ratio(s.responded, s.conversations),
    averageSeconds: s.responded === 0 ? null : Math.round(s.responseSeconds / s.responded),
  }));
