// The demo retailer's catalog: 10 outdoor products, each with 15 variants (5 colours × 3 sizes, both
// variant options, so a shop shows one card and a colour picker), texts in en, nl, sv, es and bg, an
// EUR and a SEK price list (each demo channel gets the one in its currency), listings per channel
// (stores and the marketplace carry part of the range, the social shop with its own titles) and a
// few marketplace-only prices. Idempotent: reloads change nothing.
import type { CatalogService, ProductUpsert } from '../../modules/catalog/index.js';
import type { Channel, ChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';

type Texts = Record<'en' | 'nl' | 'sv' | 'es' | 'bg', string>;

interface Style {
  code: string;
  category: string;
  eur: number;
  title: Texts;
  sizes: string[];
}

const STYLES: Style[] = [
  {
    code: 'fjell-parka',
    category: 'jackets',
    eur: 34900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Fjell insulated parka',
      nl: 'Fjell gevoerde parka',
      sv: 'Fjell fodrad parkas',
      es: 'Parka acolchada Fjell',
      bg: 'Парка с изолация Fjell',
    },
  },
  {
    code: 'skog-rain-shell',
    category: 'jackets',
    eur: 18900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Skog rain shell',
      nl: 'Skog regenjas',
      sv: 'Skog regnjacka',
      es: 'Chaqueta impermeable Skog',
      bg: 'Дъждобран Skog',
    },
  },
  {
    code: 'vidde-fleece',
    category: 'fleece',
    eur: 8900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Vidde fleece jacket',
      nl: 'Vidde fleecevest',
      sv: 'Vidde fleecejacka',
      es: 'Forro polar Vidde',
      bg: 'Полар Vidde',
    },
  },
  {
    code: 'tind-merino-base',
    category: 'base-layers',
    eur: 6900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Tind merino base layer',
      nl: 'Tind merino onderlaag',
      sv: 'Tind merino underställ',
      es: 'Capa base de merino Tind',
      bg: 'Мериносово бельо Tind',
    },
  },
  {
    code: 'sti-hiking-trousers',
    category: 'trousers',
    eur: 9900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Sti hiking trousers',
      nl: 'Sti wandelbroek',
      sv: 'Sti vandringsbyxor',
      es: 'Pantalón de senderismo Sti',
      bg: 'Туристически панталон Sti',
    },
  },
  {
    code: 'bre-down-vest',
    category: 'jackets',
    eur: 12900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Bre down vest',
      nl: 'Bre donzen bodywarmer',
      sv: 'Bre dunväst',
      es: 'Chaleco de plumas Bre',
      bg: 'Пухена грейка Bre',
    },
  },
  {
    code: 'myr-hiking-boot',
    category: 'footwear',
    eur: 17900,
    sizes: ['40', '42', '44'],
    title: {
      en: 'Myr waterproof hiking boot',
      nl: 'Myr waterdichte wandelschoen',
      sv: 'Myr vattentät vandringskänga',
      es: 'Bota de montaña impermeable Myr',
      bg: 'Непромокаеми туристически обувки Myr',
    },
  },
  {
    code: 'elv-trail-runner',
    category: 'footwear',
    eur: 13900,
    sizes: ['40', '42', '44'],
    title: {
      en: 'Elv trail running shoe',
      nl: 'Elv trailschoen',
      sv: 'Elv terränglöparsko',
      es: 'Zapatilla de trail Elv',
      bg: 'Маратонки за планинско бягане Elv',
    },
  },
  {
    code: 'topp-daypack-25',
    category: 'packs',
    eur: 7900,
    sizes: ['25L', '30L', '35L'],
    title: {
      en: 'Topp daypack',
      nl: 'Topp dagrugzak',
      sv: 'Topp dagsryggsäck',
      es: 'Mochila de día Topp',
      bg: 'Раница за деня Topp',
    },
  },
  {
    code: 'lavvo-wool-beanie',
    category: 'accessories',
    eur: 2900,
    sizes: ['S', 'M', 'L'],
    title: {
      en: 'Lavvo wool beanie',
      nl: 'Lavvo wollen muts',
      sv: 'Lavvo ullmössa',
      es: 'Gorro de lana Lavvo',
      bg: 'Вълнена шапка Lavvo',
    },
  },
];

const COLOURS: Array<{ code: string; name: Texts }> = [
  { code: 'moss', name: { en: 'moss', nl: 'mos', sv: 'mossa', es: 'musgo', bg: 'мъх' } },
  {
    code: 'fjord',
    name: { en: 'fjord blue', nl: 'fjordblauw', sv: 'fjordblå', es: 'azul fiordo', bg: 'синьо фиорд' },
  },
  { code: 'ember', name: { en: 'ember', nl: 'gloed', sv: 'glöd', es: 'brasa', bg: 'жар' } },
  { code: 'granite', name: { en: 'granite', nl: 'graniet', sv: 'granit', es: 'granito', bg: 'гранит' } },
  { code: 'birch', name: { en: 'birch', nl: 'berk', sv: 'björk', es: 'abedul', bg: 'бреза' } },
];

const DESCRIPTION: Texts = {
  en: 'Made for wet Nordic days and long city weeks alike.',
  nl: 'Gemaakt voor natte Noordse dagen en lange stadsweken.',
  sv: 'Gjord för blöta nordiska dagar och långa stadsveckor.',
  es: 'Hecho para los días húmedos del norte y las largas semanas en la ciudad.',
  bg: 'Създадено за влажните северни дни и дългите седмици в града.',
};

/** SEK prices are set, not converted: round kronor ending in 9 (10.9 SEK per EUR, before rounding). */
const sekOf = (eur: number) => (Math.round((eur * 10.9) / 10000) * 100 - 1) * 100;

export interface DemoCatalog {
  products: number;
  skus: string[];
  /**
   * What each colour's picture shows (demo-media.ts draws them): style, colour and alt texts; it is
   * the picture of the colour's first variant, which its other sizes show too.
   */
  pictures: Array<{
    productId: string;
    variantId: string;
    style: string;
    colour: string;
    alt: Record<string, string>;
  }>;
}

export async function loadDemoCatalog(
  ctx: Ctx,
  deps: { catalog: CatalogService; channels: ChannelsService },
  channels: Record<string, Channel>,
): Promise<DemoCatalog> {
  const { catalog } = deps;
  const eurList =
    (await catalog.listPriceLists(ctx)).find((l) => l.code === 'retail-eur') ??
    (await catalog.createPriceList(ctx, { code: 'retail-eur', name: 'Retail EUR', currency: 'EUR' }));
  const sekList =
    (await catalog.listPriceLists(ctx)).find((l) => l.code === 'retail-sek') ??
    (await catalog.createPriceList(ctx, { code: 'retail-sek', name: 'Retail SEK', currency: 'SEK' }));

  const products: Array<ProductUpsert & { style: Style }> = STYLES.map((style) => ({
    handle: style.code,
    defaultLocale: 'en',
    categories: [style.category],
    // Pictures come from the media module (demo-media.ts), drawn by the hub: no network needed.
    media: [],
    texts: Object.fromEntries(
      (Object.keys(style.title) as Array<keyof Texts>).map((l) => [
        l,
        { title: style.title[l], description: DESCRIPTION[l] },
      ]),
    ),
    style,
  }));
  const { ids } = await catalog.upsertProducts(
    ctx,
    products.map(({ style: _s, ...p }) => p),
  );
  // SKUs (and so barcodes, stock and demo orders) name style, colour and size as they always did.
  const variants = products
    .flatMap((p) =>
      COLOURS.flatMap((colour) =>
        p.style.sizes.map((size) => ({
          productId: ids.get(p.handle)!,
          sku: `FF-${p.handle}-${colour.code}-${size}`.toUpperCase(),
          options: { colour: colour.code, size },
          eur: p.style.eur,
        })),
      ),
    )
    .map((v, i) => ({ ...v, gtin: demoGtin(i + 1) }));
  const variantIds = (
    await catalog.upsertVariants(
      ctx,
      variants.map(({ eur: _e, ...v }) => v),
    )
  ).ids;
  await catalog.setPrices(
    ctx,
    eurList.id,
    variants.map((v) => ({ sku: v.sku, amount: v.eur, currency: 'EUR' })),
  );
  await catalog.setPrices(
    ctx,
    sekList.id,
    variants.map((v) => ({ sku: v.sku, amount: sekOf(v.eur), currency: 'SEK' })),
  );

  // Colour codes (moss, fjord…) stay on the variants; shops show the names in their language.
  await catalog.setOptionLabels(
    ctx,
    COLOURS.flatMap((colour) =>
      (Object.keys(colour.name) as Array<keyof Texts>).map((locale) => ({
        option: 'colour',
        value: colour.code,
        locale,
        label: colour.name[locale],
      })),
    ),
  );
  for (const channel of Object.values(channels)) {
    const list = channel.currency === 'SEK' ? sekList : eurList;
    if (channel.priceListId !== list.id)
      await deps.channels.updateChannel(ctx, channel.id, { priceListId: list.id });
  }
  // Which part of the range each channel carries.
  const carries: Record<string, (i: number) => boolean> = {
    webshop: () => true,
    app: () => true,
    'store-amsterdam': (i) => i !== 9,
    'store-stockholm': (i) => i !== 7,
    marketplace: (i) => i < 6,
    'social-shop': (i) => i % 2 === 0,
  };
  for (const [code, carried] of Object.entries(carries)) {
    const channel = channels[code];
    if (!channel) continue;
    await catalog.setListings(
      ctx,
      channel.id,
      products.map((p, i) => ({
        product: p.handle,
        published: carried(i),
        title: code === 'social-shop' ? `${p.texts.en!.title} #fjordfield` : null,
      })),
    );
  }
  // The marketplace charges its fee on top for footwear.
  const marketplace = channels.marketplace;
  if (marketplace) {
    await catalog.setChannelPrices(
      ctx,
      marketplace,
      variants
        .filter((v) => v.sku.includes('BOOT') || v.sku.includes('RUNNER'))
        .map((v) => ({ sku: v.sku, amount: Math.round((v.eur * 1.08) / 100) * 100 - 1, currency: 'EUR' })),
    );
  }
  const pictures = products.flatMap((p) =>
    COLOURS.map((colour) => ({
      productId: ids.get(p.handle)!,
      variantId: variantIds.get(`FF-${p.handle}-${colour.code}-${p.style.sizes[0]}`.toUpperCase())!,
      style: p.style.code,
      colour: colour.code,
      alt: Object.fromEntries(
        (Object.keys(p.style.title) as Array<keyof Texts>).map((l) => [
          l,
          `${p.style.title[l]}, ${colour.name[l]}`,
        ]),
      ),
    })),
  );
  return { products: products.length, skus: variants.map((v) => v.sku), pictures };
}

/**
 * The demo's barcodes: EAN-13 in GS1's restricted-circulation range 200–299 (numbers a shop may give
 * its own goods, never a real product's), with the GS1 check digit, so a till scans them.
 */
export function demoGtin(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
