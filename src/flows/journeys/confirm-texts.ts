// The back-in-stock confirmation page's words in the hub's five languages: the language the shopper
// subscribed in, else the browser's (Accept-Language).
import type { UnsubscribeLanguage } from './unsubscribe-texts.js';

interface ConfirmTexts {
  title: string;
  /** {product} is replaced (HTML-escaped) by the product's name. */
  question: string;
  button: string;
  doneTitle: string;
  done: string;
  invalidTitle: string;
  invalid: string;
  /** The link back to the product in the shop. */
  back: string;
}

export const CONFIRM_TEXTS: Record<UnsubscribeLanguage, ConfirmTexts> = {
  en: {
    title: 'Confirm your alert',
    question: 'Email me when {product} is back in stock?',
    button: 'Yes, confirm',
    doneTitle: 'Alert confirmed',
    done: 'Thank you. We will email you once when {product} is back in stock.',
    invalidTitle: 'Link not valid',
    invalid: 'This link has expired or was already used. Ask again from the product page.',
    back: 'Back to the shop',
  },
  es: {
    title: 'Confirma tu aviso',
    question: '¿Te escribimos cuando {product} vuelva a estar disponible?',
    button: 'Sí, confirmar',
    doneTitle: 'Aviso confirmado',
    done: 'Gracias. Te escribiremos una vez cuando {product} vuelva a estar disponible.',
    invalidTitle: 'Enlace no válido',
    invalid: 'Este enlace ha caducado o ya se usó. Vuelve a pedirlo desde la página del producto.',
    back: 'Volver a la tienda',
  },
  sv: {
    title: 'Bekräfta din bevakning',
    question: 'Mejla mig när {product} finns i lager igen?',
    button: 'Ja, bekräfta',
    doneTitle: 'Bevakningen är bekräftad',
    done: 'Tack. Vi mejlar dig en gång när {product} finns i lager igen.',
    invalidTitle: 'Länken gäller inte',
    invalid: 'Länken har gått ut eller har redan använts. Be om en ny från produktsidan.',
    back: 'Tillbaka till butiken',
  },
  bg: {
    title: 'Потвърдете известието',
    question: 'Да ви пишем ли, когато {product} отново е в наличност?',
    button: 'Да, потвърждавам',
    doneTitle: 'Известието е потвърдено',
    done: 'Благодарим. Ще ви пишем веднъж, когато {product} отново е в наличност.',
    invalidTitle: 'Връзката не е валидна',
    invalid: 'Връзката е изтекла или вече е използвана. Поискайте отново от страницата на продукта.',
    back: 'Обратно към магазина',
  },
  nl: {
    title: 'Bevestig je melding',
    question: 'Mailen we je zodra {product} weer op voorraad is?',
    button: 'Ja, bevestigen',
    doneTitle: 'Melding bevestigd',
    done: 'Bedankt. We mailen je één keer zodra {product} weer op voorraad is.',
    invalidTitle: 'Link niet geldig',
    invalid: 'Deze link is verlopen of al gebruikt. Vraag het opnieuw aan op de productpagina.',
    back: 'Terug naar de winkel',
  },
};
