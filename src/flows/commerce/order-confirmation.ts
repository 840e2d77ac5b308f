// The order confirmation a shopper gets by email once a web or app order is placed: a durable
// consumer of `order.created` (at least once; an order whose confirmation was already recorded is
// not mailed again), in the shopper's language (the page's, sent at checkout) else the channel's.
// Till sales have their own receipt; imported history and marketplace orders are not mailed.
// The address is used for the mail only and never logged.
import { type Clock, formatMoney, money } from '../../kernel/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { Order, OrdersModule } from '../../modules/orders/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import { readEvents } from '../../platform/events/event-log.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { type ReceiptLanguage, receiptLanguage } from './receipt-texts.js';

interface ConfirmationTexts {
  subject(shop: string, number: string): string;
  thanks(number: string): string;
  shipping: string;
  tax: string;
  total: string;
  pickup: string;
  delivery: string;
  quote(number: string): string;
}

export const CONFIRMATION_TEXTS: Record<ReceiptLanguage, ConfirmationTexts> = {
  en: {
    subject: (s, n) => `${s}: your order ${n} is confirmed`,
    thanks: (n) => `Thank you for your order ${n}.`,
    shipping: 'Shipping',
    tax: 'Tax included',
    total: 'Total',
    pickup: 'We will tell you when it is ready for pickup.',
    delivery: 'We will tell you when it ships.',
    quote: (n) => `Quote ${n} when you contact us about this order.`,
  },
  nl: {
    subject: (s, n) => `${s}: je bestelling ${n} is bevestigd`,
    thanks: (n) => `Bedankt voor je bestelling ${n}.`,
    shipping: 'Verzending',
    tax: 'Inclusief btw',
    total: 'Totaal',
    pickup: 'We laten je weten wanneer je hem kunt ophalen.',
    delivery: 'We laten je weten wanneer hij verzonden is.',
    quote: (n) => `Noem ${n} als je contact met ons opneemt over deze bestelling.`,
  },
  es: {
    subject: (s, n) => `${s}: tu pedido ${n} está confirmado`,
    thanks: (n) => `Gracias por tu pedido ${n}.`,
    shipping: 'Envío',
    tax: 'Impuestos incluidos',
    total: 'Total',
    pickup: 'Te avisaremos cuando esté listo para recoger.',
    delivery: 'Te avisaremos cuando se envíe.',
    quote: (n) => `Indica ${n} cuando nos contactes sobre este pedido.`,
  },
  sv: {
    subject: (s, n) => `${s}: din beställning ${n} är bekräftad`,
    thanks: (n) => `Tack för din beställning ${n}.`,
    shipping: 'Frakt',
    tax: 'Moms ingår',
    total: 'Totalt',
    pickup: 'Vi meddelar dig när den är redo att hämtas.',
    delivery: 'Vi meddelar dig när den har skickats.',
    quote: (n) => `Ange ${n} när du kontaktar oss om beställningen.`,
  },
  bg: {
    subject: (s, n) => `${s}: поръчката ви ${n} е потвърдена`,
    thanks: (n) => `Благодарим ви за поръчка ${n}.`,
    shipping: 'Доставка',
    tax: 'С включен ДДС',
    total: 'Общо',
    pickup: 'Ще ви уведомим, когато е готова за вземане.',
    delivery: 'Ще ви уведомим, когато бъде изпратена.',
    quote: (n) => `Посочете ${n}, когато се свързвате с нас за тази поръчка.`,
  },
};

/** The confirmation as plain text in `lang`: number, lines, shipping, tax, total, what happens next. */
export function confirmationText(order: Order, lang: ReceiptLanguage): string {
  const w = CONFIRMATION_TEXTS[lang];
  // In the currency's own exponent (JPY has no decimals, KWD three).
  const m = (n: number) => formatMoney(money(n, order.currency), lang);
  return [
    w.thanks(order.number),
    '',
    ...order.lines.map((l) => `${l.quantity} × ${l.title}  ${m(l.total)}`),
    '',
    `${w.shipping}: ${m(order.totals.shipping)}`,
    `${w.tax}: ${m(order.totals.tax)}`,
    `${w.total}: ${m(order.totals.grand)}`,
    '',
    order.pickup ? w.pickup : w.delivery,
    w.quote(order.number),
  ].join('\n');
}

const MAILED_CHANNEL_TYPES = ['web', 'mobile_app'];

export function startOrderConfirmations(opts: {
  database: Database;
  orders: OrdersModule;
  channels: ChannelsService;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
}): RunningConsumer {
  return startConsumer({
    database: opts.database,
    name: 'commerce.order-confirmation',
    log: opts.log,
    filter: { types: ['order.created'] },
    // A hub that gets this consumer late must not mail every order it ever took.
    startAt: 'head',
    async handle(events) {
      const ctx = createContext(opts.database, { clock: opts.clock, log: opts.log });
      for (const e of events) {
        if (e.payload.historical === true || !opts.mailer.configured) continue;
        const order = await opts.orders.orders.findOrder(ctx, e.subject);
        if (!order?.email) continue;
        const channel = await opts.channels.findChannel(ctx, order.channelId);
        if (!channel || !MAILED_CHANNEL_TYPES.includes(channel.type)) continue;
        // At least once: a replayed event after the mail was recorded sends nothing.
        const sent = await readEvents(ctx.db, {
          subject: order.id,
          types: ['order.confirmation_sent'],
          limit: 1,
          // Whether it was sent: any committed record counts, also one the read horizon still holds
          // back behind another transaction.
          serialized: true,
        });
        if (sent.length) continue;
        const lang = receiptLanguage([order.metadata.locale as string | undefined, ...channel.locales]);
        await opts.mailer.send({
          to: order.email,
          subject: CONFIRMATION_TEXTS[lang].subject(channel.name, order.number),
          text: confirmationText(order, lang),
        });
        await opts.orders.orders.recordConfirmationSent(ctx, order);
        ctx.log.info({ orderId: order.id, lang }, 'order confirmation sent');
      }
    },
  });
}
