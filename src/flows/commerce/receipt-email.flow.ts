// The receipt of an order by email (the till's "email the receipt"): the store, the order number,
// lines, totals, how it was paid and the change given, as plain text through the configured relay,
// in one of five languages (receipt-texts.ts).
// The address is used for this mail only: it is not logged and not added to the order or profile.
import { AppError, formatMoney, money } from '../../kernel/index.js';
import type { Order } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { CommerceDeps } from './commerce.deps.js';
import { channelOf } from './commerce.deps.js';
import { RECEIPT_TEXTS, type ReceiptLanguage, receiptLanguage } from './receipt-texts.js';

interface TillTender {
  provider: string;
  amount: number;
  tendered: number | null;
  change: number;
  reference: string | null;
}

/** The receipt as text, 40 columns wide like the printed one, in `lang` (money in its way too). */
export function receiptText(order: Order, storeName: string, lang: ReceiptLanguage = 'en'): string {
  const w = RECEIPT_TEXTS[lang];
  const row = (left: string, right: string) =>
    `${left.slice(0, 39 - right.length).padEnd(39 - right.length)} ${right}`;
  // In the currency's own exponent (JPY has no decimals, KWD three).
  const m = (n: number) => formatMoney(money(n, order.currency), lang);
  const tenders = ((order.metadata.till as { tenders?: TillTender[] } | undefined)?.tenders ?? []).flatMap(
    (t) => {
      const cash = t.provider === 'manual';
      const label = `${cash ? w.cash : w.card}${t.reference ? ` (${t.reference})` : ''}`;
      return [
        row(label, m(t.amount)),
        ...(cash && t.tendered !== null ? [row(w.tendered, m(t.tendered)), row(w.change, m(t.change))] : []),
      ];
    },
  );
  return [
    storeName,
    w.order(order.number),
    order.placedAt.toISOString().replace('T', ' ').slice(0, 16),
    '',
    ...order.lines.map((l) => row(`${l.quantity} x ${l.title}`, m(l.total))),
    '',
    ...(order.totals.discount ? [row(w.discount, `-${m(order.totals.discount)}`)] : []),
    row(w.taxIncluded, m(order.totals.tax)),
    row(w.total, m(order.totals.grand)),
    ...tenders,
    '',
    w.thanks,
    w.keep(order.number),
  ].join('\n');
}

export function createReceiptEmailFlow(deps: CommerceDeps & { mailer?: Mailer | undefined }) {
  return {
    /**
     * Sends the receipt in `locale` when given (the till's page language), else in the store
     * channel's first locale; 422 when no mail relay is configured (nothing to send with).
     */
    async send(
      ctx: Ctx,
      orderId: string,
      to: string,
      locale?: string,
    ): Promise<{ sentTo: string; orderNumber: string; language: ReceiptLanguage }> {
      const mailer = deps.mailer;
      if (!mailer?.configured) {
        throw new AppError('mail_not_configured', 'This hub has no mail relay configured (OMNIHUB_SMTP_URL)');
      }
      const order = await deps.orders.orders.getOrder(ctx, orderId);
      const channel = await channelOf(deps, ctx, order.channelId);
      const language = receiptLanguage([locale, ...channel.locales]);
      await mailer.send({
        to,
        subject: RECEIPT_TEXTS[language].subject(channel.name, order.number),
        text: receiptText(order, channel.name, language),
      });
      return { sentTo: to, orderNumber: order.number, language };
    },
  };
}
