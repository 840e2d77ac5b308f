// Money taken for a sale: one payment (a card provider online, or the whole sum at the till), or
// at the counter several tenders that together pay the sale (cash with the amount handed over, a
// card on the store's own terminal with its reference). Checked before anything is written.
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { PaymentInput } from '../../modules/payments/index.js';

export const TenderInput = z.strictObject({
  provider: z
    .string()
    .min(1)
    .max(50)
    .describe(
      '`manual` (cash), `external` (the store’s own card terminal) or an adapter the channel accepts',
    ),
  amount: z.number().int().positive().describe('what this tender pays, in minor units'),
  tendered: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('cash only: what the customer handed over (minor units); the change is tendered − amount'),
  reference: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("a card terminal's transaction reference, printed on its slip"),
  token: z
    .string()
    .max(500)
    .optional()
    .describe("the provider's payment token, for a provider that needs one"),
});
export type TenderInput = z.infer<typeof TenderInput>;

/** A part of the sale paid from the wallet, on any channel (the till too). */
export const WalletTenderInput = z
  .strictObject({
    kind: z.enum(['points', 'gift_card', 'store_credit']),
    amount: z.number().int().positive().max(1_000_000_000).describe('what it pays, in minor units'),
    code: z
      .string()
      .min(4)
      .max(100)
      .optional()
      .describe('a gift card or store credit code (guessing is limited per caller)'),
    accountId: z
      .string()
      .max(100)
      .optional()
      .describe("the customer's own store credit account, for its signed-in owner or a till"),
  })
  .describe("points pay at the loyalty rules' point value; a code or account id names the card or credit");
export type WalletTenderInput = z.infer<typeof WalletTenderInput>;

/** One tender as recorded on the order (`metadata.till.tenders`) and printed on the receipt. */
export interface Tender {
  provider: string;
  amount: number;
  token?: string | undefined;
  tendered: number | null;
  change: number;
  reference: string | null;
}

export interface TillSettlement {
  tenders: Tender[];
  /** Σ tendered cash − the cash part: what the clerk hands back. */
  change: number;
  counterSale: boolean;
}

const refused = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('tender_refused', message, { details: { reason, ...details } });

/**
 * The tenders that pay `due`: `payment` pays all of it; `payments` (counter sales only) must add up
 * to it exactly, and only cash has a tendered amount, never less than its part.
 */
export function tendersFor(
  due: number,
  counterSale: boolean,
  input: { payment?: PaymentInput | undefined; payments?: TenderInput[] | undefined },
): TillSettlement {
  if (!input.payment === !input.payments) {
    throw new AppError('validation_failed', 'Send either payment or payments', {
      issues: [{ path: 'body.payments', message: 'exactly one of payment and payments' }],
    });
  }
  if (input.payment) {
    const p = input.payment;
    return {
      tenders: [
        { provider: p.provider, amount: due, token: p.token, tendered: null, change: 0, reference: null },
      ],
      change: 0,
      counterSale,
    };
  }
  if (!counterSale) {
    throw refused(
      'counter_sale_only',
      'Several payments, cash tendered and terminal references are for sales at the till (carry-out)',
    );
  }
  const tenders = (input.payments ?? []).map((t, i): Tender => {
    if (t.tendered !== undefined && t.provider !== 'manual') {
      throw refused('tendered_is_cash_only', 'Only cash (manual) has an amount tendered', { index: i });
    }
    if (t.tendered !== undefined && t.tendered < t.amount) {
      throw refused(
        'tendered_too_little',
        `The cash handed over (${t.tendered}) is less than its part (${t.amount})`,
        {
          index: i,
          amount: t.amount,
          tendered: t.tendered,
        },
      );
    }
    return {
      provider: t.provider,
      amount: t.amount,
      token: t.token,
      tendered: t.tendered ?? null,
      change: t.tendered !== undefined ? t.tendered - t.amount : 0,
      reference: t.reference ?? null,
    };
  });
  const paid = tenders.reduce((s, t) => s + t.amount, 0);
  if (paid !== due) {
    throw refused('tender_mismatch', `The payments add up to ${paid}, the sale is ${due}`, { due, paid });
  }
  return { tenders, change: tenders.reduce((s, t) => s + t.change, 0), counterSale };
}

/** What the order keeps of the tenders (no tokens). */
export const tillRecord = (s: TillSettlement, paymentIds: string[]) => ({
  tenders: s.tenders.map((t, i) => ({
    paymentId: paymentIds[i] ?? null,
    provider: t.provider,
    amount: t.amount,
    tendered: t.tendered,
    change: t.change,
    reference: t.reference,
  })),
  change: s.change,
});
