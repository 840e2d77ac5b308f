// Server-made heads of storefront pages, so a link shared on a social channel previews with the
// picture, title and price, and search engines read the channel's own price and availability:
// Open Graph, Twitter card and schema.org Product/Offer JSON-LD. Pure functions of what the flow read.
import { currencyExponent } from '../../kernel/index.js';
import type { ShopProduct } from '../channel-catalog/index.js';

export interface HeadChannel {
  code: string;
  name: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const SCHEMA_AVAILABILITY = {
  in_stock: 'https://schema.org/InStock',
  out_of_stock: 'https://schema.org/OutOfStock',
  preorder: 'https://schema.org/PreOrder',
  backorder: 'https://schema.org/BackOrder',
} as const;

/** JSON for a <script type="application/ld+json"> block: `<` escaped, so no text ends the block. */
const jsonLd = (value: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;

/** Minor units → the decimal string schema.org and Open Graph expect ("129.00"). */
export function decimalPrice(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  return (amount / 10 ** exp).toFixed(exp);
}

const meta = (attr: 'name' | 'property', key: string, content: string) =>
  `<meta ${attr}="${key}" content="${escapeHtml(content)}">`;

const summary = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text);

/** The largest JPEG size of a picture, as an absolute URL (crawlers of every kind read JPEG). */
function imageUrl(origin: string, p: ShopProduct): string | null {
  const img = p.images[0];
  if (!img) return null;
  const last = img.srcset.jpeg.split(', ').at(-1)!.split(' ')[0]!;
  return `${origin}${last}`;
}

export function basePath(channel: HeadChannel): string {
  return `/store/${encodeURIComponent(channel.code)}`;
}

export function productHead(origin: string, channel: HeadChannel, p: ShopProduct): string {
  const url = `${origin}${basePath(channel)}/p/${encodeURIComponent(p.handle)}`;
  const image = imageUrl(origin, p);
  const priced = p.variants.filter((v) => v.price);
  const first = priced[0]?.price ?? null;
  const description = summary(p.description || p.title);
  const tags = [
    `<title>${escapeHtml(`${p.title} | ${channel.name}`)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    meta('property', 'og:type', 'product'),
    meta('property', 'og:site_name', channel.name),
    meta('property', 'og:title', p.title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'og:locale', p.locale.replace('-', '_')),
    ...(image
      ? [meta('property', 'og:image', image), meta('property', 'og:image:alt', p.images[0]!.alt)]
      : []),
    ...(first
      ? [
          meta('property', 'product:price:amount', decimalPrice(first.amount, first.currency)),
          meta('property', 'product:price:currency', first.currency),
        ]
      : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', p.title),
    meta('name', 'twitter:description', description),
    ...(image ? [meta('name', 'twitter:image', image)] : []),
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: p.title,
      description: p.description,
      url,
      sku: p.variants[0]?.sku,
      ...(image ? { image: p.images.map((_, i) => (i === 0 ? image : `${origin}${p.images[i]!.src}`)) } : {}),
      offers: priced.map((v) => ({
        '@type': 'Offer',
        sku: v.sku,
        ...(v.gtin ? { gtin: v.gtin } : {}),
        ...(Object.keys(v.options).length ? { name: Object.values(v.options).join(' / ') } : {}),
        price: decimalPrice(v.price!.amount, v.price!.currency),
        priceCurrency: v.price!.currency,
        availability: SCHEMA_AVAILABILITY[v.availability],
        ...(v.availability === 'preorder' && v.availableFrom ? { availabilityStarts: v.availableFrom } : {}),
        itemCondition: 'https://schema.org/NewCondition',
        url,
      })),
    }),
  ];
  return tags.join('\n    ');
}

export function categoryHead(
  origin: string,
  channel: HeadChannel,
  category: string,
  products: ShopProduct[],
): string {
  const url = `${origin}${basePath(channel)}/c/${category.split('/').map(encodeURIComponent).join('/')}`;
  const name = category.split('/').at(-1)!.replace(/-/g, ' ');
  const title = `${name.charAt(0).toUpperCase()}${name.slice(1)} | ${channel.name}`;
  const description = summary(products.map((p) => p.title).join(', '));
  const image = products.map((p) => imageUrl(origin, p)).find(Boolean) ?? null;
  return [
    `<title>${escapeHtml(title)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', channel.name),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    ...(image ? [meta('property', 'og:image', image)] : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title),
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: title,
      url,
      mainEntity: {
        '@type': 'ItemList',
        itemListElement: products.map((p, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          url: `${origin}${basePath(channel)}/p/${encodeURIComponent(p.handle)}`,
          name: p.title,
        })),
      },
    }),
  ].join('\n    ');
}

export function homeHead(origin: string, channel: HeadChannel): string {
  const url = `${origin}${basePath(channel)}`;
  return [
    `<title>${escapeHtml(channel.name)}</title>`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', channel.name),
    meta('property', 'og:title', channel.name),
    meta('property', 'og:url', url),
    meta('name', 'twitter:card', 'summary'),
  ].join('\n    ');
}

export function sitemapXml(
  origin: string,
  channel: HeadChannel,
  entries: Array<{ path: string; lastmod?: string | undefined }>,
): string {
  const base = `${origin}${basePath(channel)}`;
  const urls = entries.map(
    (e) =>
      `  <url><loc>${escapeHtml(`${base}${e.path}`)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(origin: string, channels: HeadChannel[]): string {
  const lines = ['User-agent: *'];
  for (const c of channels) {
    lines.push(`Allow: ${basePath(c)}/`);
    // Carts, checkout and accounts are a shopper's own: nothing to index there.
    for (const p of ['cart', 'checkout', 'account']) lines.push(`Disallow: ${basePath(c)}/${p}`);
  }
  lines.push('Disallow: /api/', 'Disallow: /admin', 'Disallow: /pos/');
  for (const c of channels) lines.push(`Sitemap: ${origin}${basePath(c)}/sitemap.xml`);
  return `${lines.join('\n')}\n`;
}
