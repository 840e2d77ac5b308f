// The admin's product feeds page (one section per selling channel: its feed URLs and what they
// hold), in the five languages. Merged into the main catalogs (index.tsx); English is the reference.
export const feedsEn = {
  'nav.feeds': 'Product feeds',
  'feeds.title': 'Product feeds',
  'feeds.hint':
    'Give these URLs to Google Merchant Center and Meta Commerce Manager with ?token= and a key with feeds:read bound to the channel.',
  'feeds.google': 'Google Merchant Center',
  'feeds.localInventory': 'Google local inventory',
  'feeds.meta': 'Meta catalog',
  'feeds.summary': '{products} products, {variants} variants in the feeds',
  'feeds.noIssues': 'Every listed variant can be exported.',
  'feeds.issues': '{count, plural, one {# variant left out} other {# variants left out}}',
  'feeds.sku': 'SKU',
  'feeds.field': 'Field',
  'feeds.problem': 'Problem',
  'feeds.more': 'and {count} more',
} as const;
export type FeedsKey = keyof typeof feedsEn;

export const feedsEs: Record<FeedsKey, string> = {
  'nav.feeds': 'Feeds de productos',
  'feeds.title': 'Feeds de productos',
  'feeds.hint':
    'Da estas URL a Google Merchant Center y Meta Commerce Manager con ?token= y una clave con feeds:read ligada al canal.',
  'feeds.google': 'Google Merchant Center',
  'feeds.localInventory': 'Inventario local de Google',
  'feeds.meta': 'Catálogo de Meta',
  'feeds.summary': '{products} productos, {variants} variantes en los feeds',
  'feeds.noIssues': 'Todas las variantes publicadas se pueden exportar.',
  'feeds.issues': '{count, plural, one {# variante excluida} other {# variantes excluidas}}',
  'feeds.sku': 'SKU',
  'feeds.field': 'Campo',
  'feeds.problem': 'Problema',
  'feeds.more': 'y {count} más',
};

export const feedsSv: Record<FeedsKey, string> = {
  'nav.feeds': 'Produktflöden',
  'feeds.title': 'Produktflöden',
  'feeds.hint':
    'Ge dessa URL:er till Google Merchant Center och Meta Commerce Manager med ?token= och en nyckel med feeds:read knuten till kanalen.',
  'feeds.google': 'Google Merchant Center',
  'feeds.localInventory': 'Googles lokala lager',
  'feeds.meta': 'Meta-katalog',
  'feeds.summary': '{products} produkter, {variants} varianter i flödena',
  'feeds.noIssues': 'Alla publicerade varianter kan exporteras.',
  'feeds.issues': '{count, plural, one {# variant utelämnad} other {# varianter utelämnade}}',
  'feeds.sku': 'Artikelnummer',
  'feeds.field': 'Fält',
  'feeds.problem': 'Problem',
  'feeds.more': 'och {count} till',
};

export const feedsBg: Record<FeedsKey, string> = {
  'nav.feeds': 'Продуктови фийдове',
  'feeds.title': 'Продуктови фийдове',
  'feeds.hint':
    'Дайте тези адреси на Google Merchant Center и Meta Commerce Manager с ?token= и ключ с feeds:read, обвързан с канала.',
  'feeds.google': 'Google Merchant Center',
  'feeds.localInventory': 'Локална наличност в Google',
  'feeds.meta': 'Каталог на Meta',
  'feeds.summary': '{products} продукта, {variants} варианта във фийдовете',
  'feeds.noIssues': 'Всички публикувани варианти могат да се изнесат.',
  'feeds.issues': '{count, plural, one {# вариант е пропуснат} other {# варианта са пропуснати}}',
  'feeds.sku': 'Артикул',
  'feeds.field': 'Поле',
  'feeds.problem': 'Проблем',
  'feeds.more': 'и още {count}',
};

export const feedsNl: Record<FeedsKey, string> = {
  'nav.feeds': 'Productfeeds',
  'feeds.title': 'Productfeeds',
  'feeds.hint':
    'Geef deze URL’s aan Google Merchant Center en Meta Commerce Manager met ?token= en een sleutel met feeds:read die aan het kanaal gebonden is.',
  'feeds.google': 'Google Merchant Center',
  'feeds.localInventory': 'Lokale voorraad voor Google',
  'feeds.meta': 'Meta-catalogus',
  'feeds.summary': '{products} producten, {variants} varianten in de feeds',
  'feeds.noIssues': 'Elke gepubliceerde variant kan geëxporteerd worden.',
  'feeds.issues': '{count, plural, one {# variant weggelaten} other {# varianten weggelaten}}',
  'feeds.sku': 'SKU',
  'feeds.field': 'Veld',
  'feeds.problem': 'Probleem',
  'feeds.more': 'en nog {count}',
};
