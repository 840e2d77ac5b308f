// An order line's waiting units go down as stock is allocated to it, in line order; a line with none
// left waiting loses its `backorder`.
import { describe, expect, it } from 'vitest';
import { lowerBackorders } from './orders.service.js';
import type { OrderLine } from './orders.types.js';

const line = (lineId: string, sku: string, waiting?: number): OrderLine => ({
  lineId,
  sku,
  title: sku,
  quantity: 3,
  unitPrice: 100,
  discount: 0,
  tax: 0,
  total: 300,
  fulfilledQuantity: 0,
  returnedQuantity: 0,
  ...(waiting ? { backorder: { kind: 'backorder', quantity: waiting, expectedFrom: null } } : {}),
});

describe('lowerBackorders', () => {
  const lines = [line('1', 'A', 2), line('2', 'B', 1), line('3', 'A', 3)];

  it('lowers the SKU lines in order and drops a backorder with nothing left waiting', () => {
    const next = lowerBackorders(lines, 'A', 3);
    expect(next.map((l) => l.backorder?.quantity ?? 0)).toEqual([0, 1, 2]);
    expect('backorder' in next[0]!).toBe(false);
  });

  it('returns the same lines when nothing of the SKU waits', () => {
    expect(lowerBackorders(lines, 'C', 1)).toBe(lines);
    expect(lowerBackorders([line('1', 'A')], 'A', 1)).toHaveLength(1);
  });
});
