// The till's conversations tab (the customer of the sale: their conversations on every channel, a
// thread read only with its files to download, a shop visit noted) and the agent's product links in a reply, in the five
// languages; channel names and "customer / agent / note" come from the inbox's catalog. English is
// the reference.
export const tillInboxEn = {
  'tillInbox.title': 'Conversations',
  'tillInbox.none': 'No conversations with this customer yet.',
  'tillInbox.open': 'Open the conversation: {subject}',
  'tillInbox.back': 'Back to the conversations',
  'tillInbox.readOnly': 'Replies are written in the inbox; here you can note the customer’s visit.',
  'tillInbox.visit': 'Note this shop visit',
  'tillInbox.visitText': 'What the customer asked or was shown',
  'tillInbox.visitSaved': 'The visit is noted on the customer’s conversation.',
  'tillInbox.lastFrom.inbound': 'Customer:',
  'tillInbox.lastFrom.outbound': 'Agent:',
  'tillInbox.lastFrom.note': 'Note:',
  'tillInbox.downloadFailed': 'The file could not be downloaded. Try again, or ask customer service.',
  'productLink.title': 'Link a product',
  'productLink.search': 'Product name',
  'productLink.find': 'Find',
  'productLink.on': 'Links open on the {channel} storefront.',
  'productLink.none': 'No product listed there matches.',
  'productLink.insert': 'Insert link to {title}',
} as const;

export type TillInboxKey = keyof typeof tillInboxEn;
type Catalog = Record<TillInboxKey, string>;

export const tillInboxEs: Catalog = {
  'tillInbox.title': 'Conversaciones',
  'tillInbox.none': 'Todavía no hay conversaciones con este cliente.',
  'tillInbox.open': 'Abrir la conversación: {subject}',
  'tillInbox.back': 'Volver a las conversaciones',
  'tillInbox.readOnly':
    'Las respuestas se escriben en la bandeja de entrada; aquí puedes anotar la visita del cliente.',
  'tillInbox.visit': 'Anotar esta visita a la tienda',
  'tillInbox.visitText': 'Qué preguntó o qué se le mostró al cliente',
  'tillInbox.visitSaved': 'La visita queda anotada en la conversación del cliente.',
  'tillInbox.lastFrom.inbound': 'Cliente:',
  'tillInbox.lastFrom.outbound': 'Agente:',
  'tillInbox.lastFrom.note': 'Nota:',
  'tillInbox.downloadFailed':
    'No se pudo descargar el archivo. Inténtalo de nuevo o consulta con atención al cliente.',
  'productLink.title': 'Enlazar un producto',
  'productLink.search': 'Nombre del producto',
  'productLink.find': 'Buscar',
  'productLink.on': 'Los enlaces abren la tienda {channel}.',
  'productLink.none': 'Ningún producto de esa tienda coincide.',
  'productLink.insert': 'Insertar enlace a {title}',
};

export const tillInboxSv: Catalog = {
  'tillInbox.title': 'Konversationer',
  'tillInbox.none': 'Inga konversationer med den här kunden än.',
  'tillInbox.open': 'Öppna konversationen: {subject}',
  'tillInbox.back': 'Tillbaka till konversationerna',
  'tillInbox.readOnly': 'Svar skrivs i inkorgen; här kan du anteckna kundens besök.',
  'tillInbox.visit': 'Anteckna butiksbesöket',
  'tillInbox.visitText': 'Vad kunden frågade om eller fick se',
  'tillInbox.visitSaved': 'Besöket är antecknat i kundens konversation.',
  'tillInbox.lastFrom.inbound': 'Kund:',
  'tillInbox.lastFrom.outbound': 'Handläggare:',
  'tillInbox.lastFrom.note': 'Anteckning:',
  'tillInbox.downloadFailed': 'Filen kunde inte laddas ner. Försök igen eller fråga kundtjänst.',
  'productLink.title': 'Länka en produkt',
  'productLink.search': 'Produktnamn',
  'productLink.find': 'Sök',
  'productLink.on': 'Länkarna öppnas i butiken {channel}.',
  'productLink.none': 'Ingen produkt där matchar.',
  'productLink.insert': 'Infoga länk till {title}',
};

export const tillInboxBg: Catalog = {
  'tillInbox.title': 'Разговори',
  'tillInbox.none': 'Все още няма разговори с този клиент.',
  'tillInbox.open': 'Отвори разговора: {subject}',
  'tillInbox.back': 'Обратно към разговорите',
  'tillInbox.readOnly':
    'Отговорите се пишат във входящата кутия; тук можете да отбележите посещението на клиента.',
  'tillInbox.visit': 'Отбележи посещението в магазина',
  'tillInbox.visitText': 'Какво попита клиентът или какво му беше показано',
  'tillInbox.visitSaved': 'Посещението е отбелязано в разговора на клиента.',
  'tillInbox.lastFrom.inbound': 'Клиент:',
  'tillInbox.lastFrom.outbound': 'Служител:',
  'tillInbox.lastFrom.note': 'Бележка:',
  'tillInbox.downloadFailed':
    'Файлът не можа да бъде изтеглен. Опитайте отново или попитайте обслужването на клиенти.',
  'productLink.title': 'Връзка към продукт',
  'productLink.search': 'Име на продукта',
  'productLink.find': 'Търси',
  'productLink.on': 'Връзките се отварят в магазина {channel}.',
  'productLink.none': 'Няма съвпадащ продукт там.',
  'productLink.insert': 'Вмъкни връзка към {title}',
};

export const tillInboxNl: Catalog = {
  'tillInbox.title': 'Gesprekken',
  'tillInbox.none': 'Nog geen gesprekken met deze klant.',
  'tillInbox.open': 'Open het gesprek: {subject}',
  'tillInbox.back': 'Terug naar de gesprekken',
  'tillInbox.readOnly': 'Antwoorden worden in de inbox geschreven; hier noteer je het bezoek van de klant.',
  'tillInbox.visit': 'Noteer dit winkelbezoek',
  'tillInbox.visitText': 'Wat de klant vroeg of te zien kreeg',
  'tillInbox.visitSaved': 'Het bezoek staat genoteerd in het gesprek van de klant.',
  'tillInbox.lastFrom.inbound': 'Klant:',
  'tillInbox.lastFrom.outbound': 'Medewerker:',
  'tillInbox.lastFrom.note': 'Notitie:',
  'tillInbox.downloadFailed':
    'Het bestand kon niet worden gedownload. Probeer het opnieuw of vraag de klantenservice.',
  'productLink.title': 'Een product linken',
  'productLink.search': 'Productnaam',
  'productLink.find': 'Zoeken',
  'productLink.on': 'Links openen in de winkel {channel}.',
  'productLink.none': 'Geen product daar komt overeen.',
  'productLink.insert': 'Link naar {title} invoegen',
};
