// The built-in texts of the later journeys (back in stock, post-purchase thank-you and review
// request, win-back, tier reached, birthday) in the five languages; default-templates.ts serves them.
import type { MessageLocale } from './messaging.types.js';

type Texts = Record<MessageLocale, { email: { subject: string; body: string; cta: string }; sms: string }>;

export const JOURNEY_TEMPLATE_VARIABLES: Record<string, readonly string[]> = {
  back_in_stock: ['shop', 'product', 'link'],
  back_in_stock_confirm: ['shop', 'product', 'link'],
  post_purchase: ['shop', 'orderNumber', 'link'],
  review_request: ['shop', 'orderNumber', 'link'],
  win_back: ['shop'],
  tier_reached: ['shop', 'tier'],
  birthday: ['shop'],
};

export const JOURNEY_SAMPLE_VARIABLES: Record<string, string> = {
  product: 'Merino tee – M',
  tier: 'gold',
};

const BACK: Texts = {
  en: {
    email: {
      subject: '{{shop}}: {{product}} is back',
      body: 'Good news: {{product}} is back in stock. It may not last long.',
      cta: 'Shop it now',
    },
    sms: '{{shop}}: {{product}} is back in stock: {{link}}',
  },
  es: {
    email: {
      subject: '{{shop}}: {{product}} ha vuelto',
      body: 'Buenas noticias: {{product}} vuelve a estar disponible. Puede que no dure mucho.',
      cta: 'Comprar ahora',
    },
    sms: '{{shop}}: {{product}} vuelve a estar disponible: {{link}}',
  },
  sv: {
    email: {
      subject: '{{shop}}: {{product}} är tillbaka',
      body: 'Goda nyheter: {{product}} finns i lager igen. Det kanske inte räcker länge.',
      cta: 'Handla nu',
    },
    sms: '{{shop}}: {{product}} finns i lager igen: {{link}}',
  },
  bg: {
    email: {
      subject: '{{shop}}: {{product}} отново е наличен',
      body: 'Добра новина: {{product}} отново е в наличност. Може да не остане дълго.',
      cta: 'Купете сега',
    },
    sms: '{{shop}}: {{product}} отново е в наличност: {{link}}',
  },
  nl: {
    email: {
      subject: '{{shop}}: {{product}} is terug',
      body: 'Goed nieuws: {{product}} is weer op voorraad. Wacht niet te lang.',
      cta: 'Nu bestellen',
    },
    sms: '{{shop}}: {{product}} is weer op voorraad: {{link}}',
  },
};

const THANKS: Texts = {
  en: {
    email: {
      subject: '{{shop}}: thank you for order {{orderNumber}}',
      body: 'Thank you for your order {{orderNumber}}. We will let you know how it is coming along.',
      cta: 'My orders',
    },
    sms: '{{shop}}: thank you for order {{orderNumber}}.',
  },
  es: {
    email: {
      subject: '{{shop}}: gracias por el pedido {{orderNumber}}',
      body: 'Gracias por tu pedido {{orderNumber}}. Te avisaremos de cómo avanza.',
      cta: 'Mis pedidos',
    },
    sms: '{{shop}}: gracias por el pedido {{orderNumber}}.',
  },
  sv: {
    email: {
      subject: '{{shop}}: tack för beställning {{orderNumber}}',
      body: 'Tack för din beställning {{orderNumber}}. Vi håller dig uppdaterad.',
      cta: 'Mina beställningar',
    },
    sms: '{{shop}}: tack för beställning {{orderNumber}}.',
  },
  bg: {
    email: {
      subject: '{{shop}}: благодарим за поръчка {{orderNumber}}',
      body: 'Благодарим за поръчката ви {{orderNumber}}. Ще ви държим в течение.',
      cta: 'Моите поръчки',
    },
    sms: '{{shop}}: благодарим за поръчка {{orderNumber}}.',
  },
  nl: {
    email: {
      subject: '{{shop}}: bedankt voor bestelling {{orderNumber}}',
      body: 'Bedankt voor je bestelling {{orderNumber}}. We houden je op de hoogte.',
      cta: 'Mijn bestellingen',
    },
    sms: '{{shop}}: bedankt voor bestelling {{orderNumber}}.',
  },
};

const REVIEW: Texts = {
  en: {
    email: {
      subject: '{{shop}}: how was order {{orderNumber}}?',
      body: 'We hope you are enjoying your order {{orderNumber}}. Would you tell us and other shoppers what you think?',
      cta: 'Write a review',
    },
    sms: '{{shop}}: how was order {{orderNumber}}? Tell us: {{link}}',
  },
  es: {
    email: {
      subject: '{{shop}}: ¿qué tal el pedido {{orderNumber}}?',
      body: 'Esperamos que disfrutes de tu pedido {{orderNumber}}. ¿Nos cuentas a nosotros y a otros clientes qué te parece?',
      cta: 'Escribir una reseña',
    },
    sms: '{{shop}}: ¿qué tal el pedido {{orderNumber}}? Cuéntanos: {{link}}',
  },
  sv: {
    email: {
      subject: '{{shop}}: hur blev beställning {{orderNumber}}?',
      body: 'Vi hoppas att du är nöjd med beställning {{orderNumber}}. Berätta gärna för oss och andra kunder vad du tycker.',
      cta: 'Skriv ett omdöme',
    },
    sms: '{{shop}}: hur blev beställning {{orderNumber}}? Berätta: {{link}}',
  },
  bg: {
    email: {
      subject: '{{shop}}: как ви се струва поръчка {{orderNumber}}?',
      body: 'Надяваме се, че сте доволни от поръчката си {{orderNumber}}. Ще споделите ли мнението си с нас и с другите клиенти?',
      cta: 'Напишете отзив',
    },
    sms: '{{shop}}: как ви се струва поръчка {{orderNumber}}? Споделете: {{link}}',
  },
  nl: {
    email: {
      subject: '{{shop}}: hoe was bestelling {{orderNumber}}?',
      body: 'We hopen dat je blij bent met bestelling {{orderNumber}}. Vertel je ons en andere klanten wat je ervan vindt?',
      cta: 'Schrijf een review',
    },
    sms: '{{shop}}: hoe was bestelling {{orderNumber}}? Vertel het ons: {{link}}',
  },
};

const WIN_BACK: Texts = {
  en: {
    email: {
      subject: '{{shop}}: we miss you',
      body: 'It has been a while. Come and see what is new at {{shop}}, online or in our stores.',
      cta: '',
    },
    sms: '{{shop}}: it has been a while. Come and see what is new, online or in store.',
  },
  es: {
    email: {
      subject: '{{shop}}: te echamos de menos',
      body: 'Ha pasado un tiempo. Ven a ver las novedades de {{shop}}, en línea o en nuestras tiendas.',
      cta: '',
    },
    sms: '{{shop}}: ha pasado un tiempo. Ven a ver las novedades, en línea o en tienda.',
  },
  sv: {
    email: {
      subject: '{{shop}}: vi saknar dig',
      body: 'Det var ett tag sedan. Kom och se vad som är nytt hos {{shop}}, på nätet eller i våra butiker.',
      cta: '',
    },
    sms: '{{shop}}: det var ett tag sedan. Se vad som är nytt, på nätet eller i butik.',
  },
  bg: {
    email: {
      subject: '{{shop}}: липсвате ни',
      body: 'Мина известно време. Елате да видите какво ново има в {{shop}}, онлайн или в нашите магазини.',
      cta: '',
    },
    sms: '{{shop}}: мина известно време. Вижте какво ново има, онлайн или в магазина.',
  },
  nl: {
    email: {
      subject: '{{shop}}: we missen je',
      body: 'Het is een tijdje geleden. Kom kijken wat er nieuw is bij {{shop}}, online of in onze winkels.',
      cta: '',
    },
    sms: '{{shop}}: het is een tijdje geleden. Kom kijken wat er nieuw is, online of in de winkel.',
  },
};

const TIER: Texts = {
  en: {
    email: {
      subject: '{{shop}}: welcome to {{tier}}',
      body: 'You have reached the {{tier}} tier of our loyalty programme. Thank you for shopping with us.',
      cta: '',
    },
    sms: '{{shop}}: you have reached the {{tier}} tier. Thank you!',
  },
  es: {
    email: {
      subject: '{{shop}}: bienvenido al nivel {{tier}}',
      body: 'Has alcanzado el nivel {{tier}} de nuestro programa de fidelidad. Gracias por comprar con nosotros.',
      cta: '',
    },
    sms: '{{shop}}: has alcanzado el nivel {{tier}}. ¡Gracias!',
  },
  sv: {
    email: {
      subject: '{{shop}}: välkommen till {{tier}}',
      body: 'Du har nått nivån {{tier}} i vårt lojalitetsprogram. Tack för att du handlar hos oss.',
      cta: '',
    },
    sms: '{{shop}}: du har nått nivån {{tier}}. Tack!',
  },
  bg: {
    email: {
      subject: '{{shop}}: добре дошли в ниво {{tier}}',
      body: 'Достигнахте ниво {{tier}} в нашата програма за лоялност. Благодарим, че пазарувате при нас.',
      cta: '',
    },
    sms: '{{shop}}: достигнахте ниво {{tier}}. Благодарим!',
  },
  nl: {
    email: {
      subject: '{{shop}}: welkom bij {{tier}}',
      body: 'Je hebt het niveau {{tier}} van ons loyaliteitsprogramma bereikt. Bedankt dat je bij ons winkelt.',
      cta: '',
    },
    sms: '{{shop}}: je hebt het niveau {{tier}} bereikt. Bedankt!',
  },
};

const BIRTHDAY: Texts = {
  en: {
    email: {
      subject: '{{shop}}: happy birthday!',
      body: 'Everyone at {{shop}} wishes you a very happy birthday. Thank you for being with us.',
      cta: '',
    },
    sms: '{{shop}}: happy birthday from all of us!',
  },
  es: {
    email: {
      subject: '{{shop}}: ¡feliz cumpleaños!',
      body: 'Todo el equipo de {{shop}} te desea un muy feliz cumpleaños. Gracias por estar con nosotros.',
      cta: '',
    },
    sms: '{{shop}}: ¡feliz cumpleaños de parte de todos nosotros!',
  },
  sv: {
    email: {
      subject: '{{shop}}: grattis på födelsedagen!',
      body: 'Alla på {{shop}} önskar dig en riktigt fin födelsedag. Tack för att du handlar hos oss.',
      cta: '',
    },
    sms: '{{shop}}: grattis på födelsedagen från oss alla!',
  },
  bg: {
    email: {
      subject: '{{shop}}: честит рожден ден!',
      body: 'Всички в {{shop}} ви желаем честит рожден ден. Благодарим, че сте с нас.',
      cta: '',
    },
    sms: '{{shop}}: честит рожден ден от всички нас!',
  },
  nl: {
    email: {
      subject: '{{shop}}: gefeliciteerd met je verjaardag!',
      body: 'Iedereen bij {{shop}} wenst je een hele fijne verjaardag. Bedankt dat je bij ons winkelt.',
      cta: '',
    },
    sms: '{{shop}}: gefeliciteerd met je verjaardag van ons allemaal!',
  },
};

// The double opt-in of an address typed in for back in stock: a service message, the link confirms.
const CONFIRM: Texts = {
  en: {
    email: {
      subject: '{{shop}}: confirm your alert for {{product}}',
      body: 'Someone (we hope you) asked us to email this address when {{product}} is back in stock. Confirm with the button below; the link works once, for 7 days. Did not ask? Ignore this mail and you will hear nothing from us.',
      cta: 'Yes, tell me when it is back',
    },
    sms: '{{shop}}: confirm your alert for {{product}}: {{link}}',
  },
  es: {
    email: {
      subject: '{{shop}}: confirma tu aviso de {{product}}',
      body: 'Alguien (esperamos que tú) nos pidió escribir a esta dirección cuando {{product}} vuelva a estar disponible. Confírmalo con el botón; el enlace sirve una vez, durante 7 días. ¿No lo pediste? Ignora este correo y no sabrás nada más de nosotros.',
      cta: 'Sí, avisadme cuando vuelva',
    },
    sms: '{{shop}}: confirma tu aviso de {{product}}: {{link}}',
  },
  sv: {
    email: {
      subject: '{{shop}}: bekräfta din bevakning av {{product}}',
      body: 'Någon (förhoppningsvis du) bad oss mejla den här adressen när {{product}} finns i lager igen. Bekräfta med knappen nedan; länken fungerar en gång, i 7 dagar. Bad du inte om det? Strunta i mejlet så hör du inget mer från oss.',
      cta: 'Ja, meddela mig när den är tillbaka',
    },
    sms: '{{shop}}: bekräfta din bevakning av {{product}}: {{link}}',
  },
  bg: {
    email: {
      subject: '{{shop}}: потвърдете известието за {{product}}',
      body: 'Някой (надяваме се вие) ни помоли да пишем на този адрес, когато {{product}} отново е в наличност. Потвърдете с бутона по-долу; връзката работи веднъж, 7 дни. Не сте искали това? Пренебрегнете писмото и няма да чуете нищо от нас.',
      cta: 'Да, уведомете ме, когато се върне',
    },
    sms: '{{shop}}: потвърдете известието за {{product}}: {{link}}',
  },
  nl: {
    email: {
      subject: '{{shop}}: bevestig je melding voor {{product}}',
      body: 'Iemand (hopelijk jij) vroeg ons dit adres te mailen zodra {{product}} weer op voorraad is. Bevestig met de knop hieronder; de link werkt één keer, 7 dagen lang. Niet gevraagd? Negeer deze mail en je hoort niets meer van ons.',
      cta: 'Ja, laat het me weten',
    },
    sms: '{{shop}}: bevestig je melding voor {{product}}: {{link}}',
  },
};

export const JOURNEY_TEMPLATES: Record<string, Texts> = {
  back_in_stock: BACK,
  back_in_stock_confirm: CONFIRM,
  post_purchase: THANKS,
  review_request: REVIEW,
  win_back: WIN_BACK,
  tier_reached: TIER,
  birthday: BIRTHDAY,
};
