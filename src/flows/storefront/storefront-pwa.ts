// The storefront as an installable app (a Progressive Web App): a web app manifest per storefront
// channel and its icons. The service worker itself is a web build (web/store/sw.ts) the hub serves at
// /store/sw.js, so one worker covers every storefront of this hub.
import type { Channel } from '../../modules/channels/index.js';
import { escapeHtml } from './storefront-head.js';

/** The icon sizes Chromium, Android and iOS ask for (192 and 512 make a page installable). */
export const ICON_SIZES = [192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

const THEME = '#1f4d3a';
const BACKGROUND = '#ffffff';

const basePath = (channel: Pick<Channel, 'code'>) => `/store/${encodeURIComponent(channel.code)}`;

/** A web app manifest (W3C Web Application Manifest) for one storefront channel. */
export function manifestOf(channel: Pick<Channel, 'code' | 'name' | 'locales'>) {
  const base = basePath(channel);
  return {
    id: `${base}/`,
    name: channel.name,
    short_name: channel.name.length > 12 ? channel.name.split(/\s+/)[0]!.slice(0, 12) : channel.name,
    lang: channel.locales[0] ?? 'en',
    start_url: `${base}/`,
    // Links in the app go to /store/<code> without a slash: the scope must hold them too.
    scope: base,
    display: 'standalone',
    orientation: 'portrait',
    theme_color: THEME,
    background_color: BACKGROUND,
    categories: ['shopping'],
    icons: ICON_SIZES.flatMap((size) => [
      { src: `${base}/icons/${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' },
      { src: `${base}/icons/${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'maskable' },
    ]),
  };
}

/** The head tags that link a storefront page to its manifest and icons. */
export function pwaHead(channel: Pick<Channel, 'code'>): string {
  const base = escapeHtml(basePath(channel));
  return [
    `<link rel="manifest" href="${base}/manifest.webmanifest">`,
    `<meta name="theme-color" content="${THEME}">`,
    `<link rel="apple-touch-icon" href="${base}/icons/192.png">`,
  ].join('\n    ');
}

// A shopping bag on the brand colour, drawn without text (no fonts needed on the server), with the
// margins of a maskable icon (the safe zone is the middle 80 %).
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${THEME}"/>
  <path d="M176 200v-24a80 80 0 0 1 160 0v24" fill="none" stroke="#ffffff" stroke-width="28" stroke-linecap="round"/>
  <rect x="136" y="200" width="240" height="176" rx="24" fill="#ffffff"/>
  <circle cx="206" cy="250" r="12" fill="${THEME}"/>
  <circle cx="306" cy="250" r="12" fill="${THEME}"/>
</svg>`;

const icons = new Map<IconSize, Promise<Buffer>>();

/** The app icon as PNG, rendered once per size per process. */
export function appIcon(size: IconSize): Promise<Buffer> {
  let png = icons.get(size);
  if (!png) {
    // sharp loads at the first icon asked for, not at every start.
    png = import('sharp').then(({ default: sharp }) =>
      sharp(Buffer.from(ICON_SVG)).resize(size, size).png().toBuffer(),
    );
    icons.set(size, png);
    png.catch(() => icons.delete(size));
  }
  return png;
}
