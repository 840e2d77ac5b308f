// The shopper's own details (name, birthday) on the storefront account page, in the five
// languages. Merged into the main catalogs (index.tsx).
export const storeDetailsEn = {
  'storeDetails.title': 'Your details',
  'storeDetails.name': 'Name',
  'storeDetails.birthday': 'Birthday (optional)',
  'storeDetails.birthdayHint': 'We may send you a greeting on the day.',
  'storeDetails.saved': 'Your details are saved.',
} as const;
export type StoreDetailsKey = keyof typeof storeDetailsEn;

export const storeDetailsEs: Record<StoreDetailsKey, string> = {
  'storeDetails.title': 'Tus datos',
  'storeDetails.name': 'Nombre',
  'storeDetails.birthday': 'Cumpleaños (opcional)',
  'storeDetails.birthdayHint': 'Puede que te enviemos una felicitación ese día.',
  'storeDetails.saved': 'Tus datos se han guardado.',
};

export const storeDetailsSv: Record<StoreDetailsKey, string> = {
  'storeDetails.title': 'Dina uppgifter',
  'storeDetails.name': 'Namn',
  'storeDetails.birthday': 'Födelsedag (valfritt)',
  'storeDetails.birthdayHint': 'Vi kanske skickar en hälsning på dagen.',
  'storeDetails.saved': 'Dina uppgifter är sparade.',
};

export const storeDetailsBg: Record<StoreDetailsKey, string> = {
  'storeDetails.title': 'Вашите данни',
  'storeDetails.name': 'Име',
  'storeDetails.birthday': 'Рожден ден (по желание)',
  'storeDetails.birthdayHint': 'Може да ви изпратим поздрав на този ден.',
  'storeDetails.saved': 'Данните ви са запазени.',
};

export const storeDetailsNl: Record<StoreDetailsKey, string> = {
  'storeDetails.title': 'Je gegevens',
  'storeDetails.name': 'Naam',
  'storeDetails.birthday': 'Verjaardag (optioneel)',
  'storeDetails.birthdayHint': 'Misschien sturen we je op de dag een felicitatie.',
  'storeDetails.saved': 'Je gegevens zijn opgeslagen.',
};
