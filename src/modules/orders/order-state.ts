// The order state machine, one for every channel. Every transition is an event (`order.<status>`);
// anything not listed here is refused with the reason.
export const ORDER_STATUSES = [
  'pending',
  'paid',
  'allocated',
  'partially_fulfilled',
  'fulfilled',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  // Unpaid orders (pay at the till or on pickup) may be cancelled, which releases everything.
  pending: ['paid', 'cancelled'],
  paid: ['allocated', 'cancelled', 'refunded'],
  allocated: ['partially_fulfilled', 'fulfilled', 'cancelled', 'refunded'],
  partially_fulfilled: ['partially_fulfilled', 'fulfilled', 'refunded'],
  fulfilled: ['completed', 'refunded'],
  completed: ['refunded'],
  cancelled: [],
  refunded: [],
};

export const allowedNext = (from: OrderStatus): readonly OrderStatus[] => NEXT[from];

/** Why from → to is not allowed, or null when it is. */
export function refuseTransition(from: OrderStatus, to: OrderStatus): string | null {
  if (NEXT[from].includes(to)) return null;
  if (NEXT[from].length === 0) return `the order is ${from}, which is final`;
  return `an order that is ${from} can only become ${NEXT[from].join(', ')}`;
}

/** The statuses an order passes through to reach `to` along the main path (e.g. pending → fulfilled). */
export function pathTo(from: OrderStatus, to: OrderStatus): OrderStatus[] | null {
  const main: OrderStatus[] = [
    'pending',
    'paid',
    'allocated',
    'partially_fulfilled',
    'fulfilled',
    'completed',
  ];
  const i = main.indexOf(from);
  const j = main.indexOf(to);
  if (i < 0 || j < 0 || j <= i) return refuseTransition(from, to) === null ? [to] : null;
  // partially_fulfilled is a stop, not a step: allocated → fulfilled skips it.
  const steps = main
    .slice(i + 1, j + 1)
    .filter((s) => s !== 'partially_fulfilled' || to === 'partially_fulfilled');
  let at = from;
  for (const s of steps) {
    if (refuseTransition(at, s) !== null) return null;
    at = s;
  }
  return steps;
}
