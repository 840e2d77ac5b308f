// The words of an emailed receipt in the five languages the apps speak. The till asks for the page's
// language (the clerk's, or the one the customer chose); without one the store channel's first
// locale decides, and English is the last fallback.
export const RECEIPT_LANGUAGES = ['en', 'es', 'sv', 'bg', 'nl'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

export interface ReceiptTexts {
  subject(store: string, number: string): string;
  order(number: string): string;
  cash: string;
  card: string;
  tendered: string;
  change: string;
  discount: string;
  taxIncluded: string;
  total: string;
  thanks: string;
  keep(number: string): string;
}

export const RECEIPT_TEXTS: Record<ReceiptLanguage, ReceiptTexts> = {
  en: {
    subject: (s, n) => `Your receipt from ${s}: order ${n}`,
    order: (n) => `Order ${n}`,
    cash: 'Cash',
    card: 'Card',
    tendered: 'Tendered',
    change: 'Change',
    discount: 'Discount',
    taxIncluded: 'Tax included',
    total: 'Total',
    thanks: 'Thank you for shopping with us.',
    keep: (n) => `Keep this receipt: your order number ${n} finds the order for a return.`,
  },
  es: {
    subject: (s, n) => `Tu recibo de ${s}: pedido ${n}`,
    order: (n) => `Pedido ${n}`,
    cash: 'Efectivo',
    card: 'Tarjeta',
    tendered: 'Entregado',
    change: 'Cambio',
    discount: 'Descuento',
    taxIncluded: 'Impuestos incluidos',
    total: 'Total',
    thanks: 'Gracias por tu compra.',
    keep: (n) =>
      `Guarda este recibo: con el número de pedido ${n} encontramos el pedido para una devolución.`,
  },
  sv: {
    subject: (s, n) => `Ditt kvitto från ${s}: order ${n}`,
    order: (n) => `Order ${n}`,
    cash: 'Kontant',
    card: 'Kort',
    tendered: 'Mottaget',
    change: 'Växel',
    discount: 'Rabatt',
    taxIncluded: 'Moms ingår',
    total: 'Totalt',
    thanks: 'Tack för ditt köp.',
    keep: (n) => `Spara kvittot: med ordernumret ${n} hittar vi ordern vid en retur.`,
  },
  bg: {
    subject: (s, n) => `Вашата касова бележка от ${s}: поръчка ${n}`,
    order: (n) => `Поръчка ${n}`,
    cash: 'В брой',
    card: 'Карта',
    tendered: 'Получено',
    change: 'Ресто',
    discount: 'Отстъпка',
    taxIncluded: 'С включен данък',
    total: 'Общо',
    thanks: 'Благодарим ви за покупката.',
    keep: (n) => `Запазете бележката: с номера на поръчката ${n} я намираме при връщане.`,
  },
  nl: {
    subject: (s, n) => `Je bon van ${s}: bestelling ${n}`,
    order: (n) => `Bestelling ${n}`,
    cash: 'Contant',
    card: 'Pin',
    tendered: 'Ontvangen',
    change: 'Wisselgeld',
    discount: 'Korting',
    taxIncluded: 'Inclusief btw',
    total: 'Totaal',
    thanks: 'Bedankt voor je aankoop.',
    keep: (n) => `Bewaar deze bon: met je bestelnummer ${n} vinden we de bestelling bij een retour.`,
  },
};

/** The first of these locales (e.g. the request's, then the channel's) a receipt can be written in. */
export function receiptLanguage(candidates: ReadonlyArray<string | null | undefined>): ReceiptLanguage {
  for (const c of candidates) {
    const base = c?.toLowerCase().split(/[-_]/)[0];
    const found = RECEIPT_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}
