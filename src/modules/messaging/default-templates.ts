// The built-in templates: what a hub sends before anyone edits a word, in five languages. An edited
// variant (messaging_templates) replaces one of these; other formats fall back to the short (sms) text.
import {
  JOURNEY_SAMPLE_VARIABLES,
  JOURNEY_TEMPLATE_VARIABLES,
  JOURNEY_TEMPLATES,
} from './journey-templates.js';
import type { MessageLocale, TemplateContent } from './messaging.types.js';

/** The variables each template key may use; a template naming another fails its preview and save. */
export const TEMPLATE_VARIABLES: Record<string, readonly string[]> = {
  abandoned_cart: ['shop', 'itemCount', 'total', 'link', 'handoffCode'],
  pickup_ready: ['shop', 'orderNumber', 'pickupCode'],
  ...JOURNEY_TEMPLATE_VARIABLES,
};

/** Sample values for previews. */
export const SAMPLE_VARIABLES: Record<string, string> = {
  shop: 'Fjällfolk',
  itemCount: '2',
  total: '€49.00',
  link: 'https://shop.example/store/web/cart?cart=crt_sample',
  handoffCode: 'K7QX4M',
  orderNumber: 'OH-10234',
  pickupCode: 'H4KM9Q2T',
  ...JOURNEY_SAMPLE_VARIABLES,
};

type Long = { subject: string; body: string; cta: string };
const CART: Record<MessageLocale, { email: Long; sms: string }> = {
  en: {
    email: {
      subject: '{{shop}}: your cart is waiting',
      body: 'You left {{itemCount}} item(s) in your cart ({{total}}). They are still there for you.\n\nIn a store? Show the code {{handoffCode}} at the till.',
      cta: 'Back to my cart',
    },
    sms: '{{shop}}: your cart ({{total}}) is waiting: {{link}} In store, show code {{handoffCode}}.',
  },
  es: {
    email: {
      subject: '{{shop}}: tu carrito te espera',
      body: 'Dejaste {{itemCount}} artículo(s) en tu carrito ({{total}}). Siguen ahí para ti.\n\n¿En una tienda? Muestra el código {{handoffCode}} en caja.',
      cta: 'Volver a mi carrito',
    },
    sms: '{{shop}}: tu carrito ({{total}}) te espera: {{link}} En tienda, muestra el código {{handoffCode}}.',
  },
  sv: {
    email: {
      subject: '{{shop}}: din varukorg väntar',
      body: 'Du lämnade {{itemCount}} vara/varor i din varukorg ({{total}}). De finns kvar åt dig.\n\nI en butik? Visa koden {{handoffCode}} i kassan.',
      cta: 'Tillbaka till varukorgen',
    },
    sms: '{{shop}}: din varukorg ({{total}}) väntar: {{link}} I butik, visa koden {{handoffCode}}.',
  },
  bg: {
    email: {
      subject: '{{shop}}: количката ви ви очаква',
      body: 'Оставихте {{itemCount}} артикул(а) в количката си ({{total}}). Те още са там за вас.\n\nВ магазин сте? Покажете кода {{handoffCode}} на касата.',
      cta: 'Обратно към количката',
    },
    sms: '{{shop}}: количката ви ({{total}}) ви очаква: {{link}} В магазина покажете код {{handoffCode}}.',
  },
  nl: {
    email: {
      subject: '{{shop}}: je winkelwagen wacht op je',
      body: 'Je hebt {{itemCount}} artikel(en) in je winkelwagen laten staan ({{total}}). Ze liggen nog voor je klaar.\n\nIn de winkel? Laat de code {{handoffCode}} zien aan de kassa.',
      cta: 'Terug naar mijn winkelwagen',
    },
    sms: '{{shop}}: je winkelwagen ({{total}}) wacht: {{link}} In de winkel: code {{handoffCode}}.',
  },
};

const PICKUP: Record<MessageLocale, { email: Long; sms: string }> = {
  en: {
    email: {
      subject: '{{shop}}: order {{orderNumber}} is ready for pickup',
      body: 'Your order {{orderNumber}} is ready. Show the pickup code {{pickupCode}} in the store.',
      cta: '',
    },
    sms: '{{shop}}: order {{orderNumber}} is ready. Pickup code {{pickupCode}}.',
  },
  es: {
    email: {
      subject: '{{shop}}: el pedido {{orderNumber}} está listo para recoger',
      body: 'Tu pedido {{orderNumber}} está listo. Muestra el código de recogida {{pickupCode}} en la tienda.',
      cta: '',
    },
    sms: '{{shop}}: el pedido {{orderNumber}} está listo. Código {{pickupCode}}.',
  },
  sv: {
    email: {
      subject: '{{shop}}: beställning {{orderNumber}} kan hämtas',
      body: 'Din beställning {{orderNumber}} är klar. Visa hämtkoden {{pickupCode}} i butiken.',
      cta: '',
    },
    sms: '{{shop}}: beställning {{orderNumber}} kan hämtas. Kod {{pickupCode}}.',
  },
  bg: {
    email: {
      subject: '{{shop}}: поръчка {{orderNumber}} е готова за вземане',
      body: 'Поръчката ви {{orderNumber}} е готова. Покажете кода {{pickupCode}} в магазина.',
      cta: '',
    },
    sms: '{{shop}}: поръчка {{orderNumber}} е готова. Код {{pickupCode}}.',
  },
  nl: {
    email: {
      subject: '{{shop}}: bestelling {{orderNumber}} ligt klaar',
      body: 'Je bestelling {{orderNumber}} ligt klaar. Laat de ophaalcode {{pickupCode}} zien in de winkel.',
      cta: '',
    },
    sms: '{{shop}}: bestelling {{orderNumber}} ligt klaar. Code {{pickupCode}}.',
  },
};

const BUILT_IN: Record<string, Record<MessageLocale, { email: Long; sms: string }>> = {
  abandoned_cart: CART,
  pickup_ready: PICKUP,
  ...JOURNEY_TEMPLATES,
};

/** The built-in content of a key in a format and locale, or undefined for an unknown key. */
export function defaultTemplate(
  key: string,
  format: string,
  locale: MessageLocale,
): TemplateContent | undefined {
  const t = BUILT_IN[key]?.[locale];
  if (!t) return undefined;
  if (format === 'email') return { subject: t.email.subject, body: t.email.body, cta: t.email.cta || null };
  return { subject: t.email.subject, body: t.sms, cta: null };
}
