// The storefront's "Notify me" on a sold-out variant (back in stock, double opt-in for an address
// typed in), in the five languages. Merged into the main catalogs (index.tsx).
export const notifyMeEn = {
  'notifyMe.title': 'Sold out: get an email when it is back',
  'notifyMe.email': 'Your email',
  'notifyMe.consent': 'Yes, email me about this product. You can unsubscribe from any of our mails.',
  'notifyMe.button': 'Notify me',
  'notifyMe.checkInbox':
    'Check your inbox: we sent a link to {email}. Click it within 7 days to confirm, and we will tell you once when it is back.',
  'notifyMe.subscribed': 'Done: we will email {email} once when it is back in stock.',
  'notifyMe.subscribedAnon': 'Done: this address is already on the list.',
} as const;
export type NotifyMeKey = keyof typeof notifyMeEn;

export const notifyMeEs: Record<NotifyMeKey, string> = {
  'notifyMe.title': 'Agotado: recibe un correo cuando vuelva',
  'notifyMe.email': 'Tu correo electrónico',
  'notifyMe.consent':
    'Sí, escribidme sobre este producto. Puedes darte de baja desde cualquiera de nuestros correos.',
  'notifyMe.button': 'Avisadme',
  'notifyMe.checkInbox':
    'Revisa tu bandeja de entrada: enviamos un enlace a {email}. Haz clic en él en 7 días para confirmar y te avisaremos una vez cuando vuelva.',
  'notifyMe.subscribed': 'Hecho: escribiremos a {email} una vez cuando vuelva a estar disponible.',
  'notifyMe.subscribedAnon': 'Hecho: esta dirección ya está en la lista.',
};

export const notifyMeSv: Record<NotifyMeKey, string> = {
  'notifyMe.title': 'Slutsåld: få ett mejl när den är tillbaka',
  'notifyMe.email': 'Din e-postadress',
  'notifyMe.consent':
    'Ja, mejla mig om den här produkten. Du kan avregistrera dig i vilket av våra mejl som helst.',
  'notifyMe.button': 'Meddela mig',
  'notifyMe.checkInbox':
    'Kolla din inkorg: vi skickade en länk till {email}. Klicka på den inom 7 dagar för att bekräfta, så meddelar vi dig en gång när den är tillbaka.',
  'notifyMe.subscribed': 'Klart: vi mejlar {email} en gång när den finns i lager igen.',
  'notifyMe.subscribedAnon': 'Klart: den här adressen finns redan på listan.',
};

export const notifyMeBg: Record<NotifyMeKey, string> = {
  'notifyMe.title': 'Изчерпано: получете имейл, когато се върне',
  'notifyMe.email': 'Вашият имейл',
  'notifyMe.consent': 'Да, пишете ми за този продукт. Можете да се отпишете от всеки наш имейл.',
  'notifyMe.button': 'Уведомете ме',
  'notifyMe.checkInbox':
    'Проверете пощата си: изпратихме връзка до {email}. Щракнете я до 7 дни, за да потвърдите, и ще ви уведомим веднъж, когато се върне.',
  'notifyMe.subscribed': 'Готово: ще пишем на {email} веднъж, когато отново е в наличност.',
  'notifyMe.subscribedAnon': 'Готово: този адрес вече е в списъка.',
};

export const notifyMeNl: Record<NotifyMeKey, string> = {
  'notifyMe.title': 'Uitverkocht: krijg een mail als het terug is',
  'notifyMe.email': 'Je e-mailadres',
  'notifyMe.consent': 'Ja, mail me over dit product. Je kunt je afmelden via elke mail van ons.',
  'notifyMe.button': 'Houd me op de hoogte',
  'notifyMe.checkInbox':
    'Kijk in je inbox: we stuurden een link naar {email}. Klik er binnen 7 dagen op om te bevestigen, dan laten we het je één keer weten als het terug is.',
  'notifyMe.subscribed': 'Klaar: we mailen {email} één keer zodra het weer op voorraad is.',
  'notifyMe.subscribedAnon': 'Klaar: dit adres staat al op de lijst.',
};
