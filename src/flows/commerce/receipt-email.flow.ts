// The receipt of an order by email (the till's "email the receipt"): the store, the order number,
// lines, totals, how it was paid and the change given, as plain text through the configured relay.
// The address is used for this mail only: it is not logged and not added to the order or profile.
import { AppError } from '../../kernel/index.js';
import type { Order } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { CommerceDeps } from './commerce.deps.js';
import { channelOf } from './commerce.deps.js';

interface TillTender {
  provider: string;
  amount: number;
  tendered: number | null;
  change: number;
  reference: string | null;
}

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);

/** The receipt as text, 40 columns wide like the printed one. */
export function receiptText(order: Order, storeName: string): string {
  const row = (left: string, right: string) =>
    `${left.slice(0, 39 - right.length).padEnd(39 - right.length)} ${right}`;
  const m = (n: number) => money(n, order.currency);
  const tenders = ((order.metadata.till as { tenders?: TillTender[] } | undefined)?.tenders ?? []).flatMap(
    (t) => {
      const cash = t.provider === 'manual';
      const label = `${cash ? 'Cash' : 'Card'}${t.reference ? ` (${t.reference})` : ''}`;
      return [
        row(label, m(t.amount)),
        ...(cash && t.tendered !== null ? [row('Tendered', m(t.tendered)), row('Change', m(t.change))] : []),
      ];
    },
  );
  return [
    storeName,
    `Order ${order.number}`,
    order.placedAt.toISOString().replace('T', ' ').slice(0, 16),
    '',
    ...order.lines.map((l) => row(`${l.quantity} x ${l.title}`, m(l.total))),
    '',
    ...(order.totals.discount ? [row('Discount', `-${m(order.totals.discount)}`)] : []),
    row('Tax included', m(order.totals.tax)),
    row('Total', m(order.totals.grand)),
    ...tenders,
    '',
    'Thank you for shopping with us.',
    `Keep this receipt: your order number ${order.number} finds the order for a return.`,
  ].join('\n');
}

export function createReceiptEmailFlow(deps: CommerceDeps & { mailer?: Mailer | undefined }) {
  return {
    /** Sends the receipt; 422 when no mail relay is configured (nothing to send with). */
    async send(ctx: Ctx, orderId: string, to: string): Promise<{ sentTo: string; orderNumber: string }> {
      const mailer = deps.mailer;
      if (!mailer?.configured) {
        throw new AppError('mail_not_configured', 'This hub has no mail relay configured (OMNIHUB_SMTP_URL)');
      }
      const order = await deps.orders.orders.getOrder(ctx, orderId);
      const channel = await channelOf(deps, ctx, order.channelId);
      await mailer.send({
        to,
        subject: `Your receipt from ${channel.name}: order ${order.number}`,
        text: receiptText(order, channel.name),
      });
      return { sentTo: to, orderNumber: order.number };
    },
  };
}
