// Counts SQL round trips (statements + BEGIN/COMMIT) of a flow on an in-process hub whose pg client
// counts every query. An AsyncLocalStorage label set around each HTTP call says whether a statement
// ran on that request's path or in the background (event consumers, delivery loops, jobs).
// Two figures: one customer at a time (background work is not shared between orders: the worst
// case) and many customers at once (background reads are coalesced over a burst of commits).
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

export type Call = (
  method: string,
  path: string,
  body: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: any }>;

interface Tally {
  statements: number;
  txControl: number;
}

export interface RoundTripReport {
  perOrderSequential: {
    requestPath: Record<string, number>;
    requestPathTotal: number;
    background: number;
    total: number;
    beginCommitOnRequestPath: number;
  };
  perOrderConcurrent: { requestPath: number; background: number; total: number; concurrency: number };
  measuredOrders: number;
  topStatements?: Array<{ perOrder: number; where: string; sql: string }>;
}

const label = new AsyncLocalStorage<string>();

/** Runs fn with every statement it issues counted under `step` (the request path). */
export const onRequestPath = <T>(step: string, fn: () => Promise<T>): Promise<T> => label.run(step, fn);

export async function countRoundTrips(opts: {
  /** One customer's whole flow; `step` labels each HTTP call. */
  order: (n: number, step: typeof onRequestPath) => Promise<boolean>;
  orders: number;
  concurrency: number;
  histogram: boolean;
}): Promise<RoundTripReport> {
  const byStep = new Map<string, Tally>();
  const background: Tally = { statements: 0, txControl: 0 };
  const histogram = new Map<string, number>();
  const original = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    const step = label.getStore();
    let t = background;
    if (step) {
      t = byStep.get(step) ?? { statements: 0, txControl: 0 };
      byStep.set(step, t);
    }
    if (/^\s*(begin|commit|rollback)/i.test(text)) t.txControl++;
    else t.statements++;
    if (opts.histogram) {
      const k = `${step ?? 'background'}\t${text.replace(/\s+/g, ' ').slice(0, Number(process.env.BENCH_SQL_WIDTH ?? 100))}`;
      histogram.set(k, (histogram.get(k) ?? 0) + 1);
    }
    return (original as any).apply(this, args);
  };
  const settle = () => new Promise((r) => setTimeout(r, 60));
  const sum = (ts: Iterable<Tally>) => [...ts].reduce((s, t) => s + t.statements + t.txControl, 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  try {
    // One at a time, letting the background settle after each order.
    for (let n = 1; n <= opts.orders; n++) {
      if (!(await opts.order(n, onRequestPath))) throw new Error('flow failed');
      await settle();
    }
    const requestPath: Record<string, number> = {};
    for (const [step, t] of byStep) requestPath[step] = round((t.statements + t.txControl) / opts.orders);
    const sequential = {
      requestPath,
      requestPathTotal: round(sum(byStep.values()) / opts.orders),
      background: round((background.statements + background.txControl) / opts.orders),
      total: round((sum(byStep.values()) + background.statements + background.txControl) / opts.orders),
      beginCommitOnRequestPath: round(
        [...byStep.values()].reduce((s, t) => s + t.txControl, 0) / opts.orders,
      ),
    };
    const topStatements = [...histogram]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([k, v]) => {
        const [where, sql] = k.split('\t') as [string, string];
        return { perOrder: round(v / opts.orders), where, sql };
      });

    // Many at once: background reads now cover several commits each.
    const before = {
      request: sum(byStep.values()),
      background: background.statements + background.txControl,
    };
    const concurrentOrders = opts.concurrency * 4;
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < concurrentOrders) {
          if (!(await opts.order(1_000 + next++, onRequestPath))) throw new Error('flow failed');
        }
      }),
    );
    await settle();
    const req = (sum(byStep.values()) - before.request) / concurrentOrders;
    const bg = (background.statements + background.txControl - before.background) / concurrentOrders;
    return {
      perOrderSequential: sequential,
      perOrderConcurrent: {
        requestPath: round(req),
        background: round(bg),
        total: round(req + bg),
        concurrency: opts.concurrency,
      },
      measuredOrders: opts.orders,
      ...(opts.histogram ? { topStatements } : {}),
    };
  } finally {
    pg.Client.prototype.query = original;
  }
}
