// The demo retailer's pictures, drawn by the hub (a silhouette of each style in each colour on a
// light backdrop, one per colour, on that colour's first variant) and stored through the media module
// like any upload, so a fresh install shows real pictures with no network. Idempotent: a product that
// has pictures keeps them.
import type { MediaService } from '../../modules/media/index.js';
import { trustedSvgMaster } from '../../modules/media/index.js';
import type { Ctx } from '../../platform/context.js';
import type { DemoCatalog } from './demo-catalog.js';

const COLOUR_HEX: Record<string, [string, string]> = {
  moss: ['#6b7f3a', '#46552a'],
  fjord: ['#3a6f9a', '#254b6b'],
  ember: ['#c4572f', '#8e3a1f'],
  granite: ['#6e7175', '#45484c'],
  birch: ['#d9cfb8', '#b3a789'],
};

/** One silhouette per style, on an 800 × 800 canvas. */
const SHAPES: Record<string, string> = {
  'fjell-parka':
    'M260 170 Q400 120 540 170 L650 330 L600 360 L590 700 L210 700 L200 360 L150 330 Z M350 160 Q400 240 450 160',
  'skog-rain-shell': 'M270 170 Q400 130 530 170 L640 360 L590 380 L575 660 L225 660 L210 380 L160 360 Z',
  'vidde-fleece':
    'M280 190 L360 170 Q400 200 440 170 L520 190 L630 360 L580 380 L570 640 L230 640 L220 380 L170 360 Z',
  'tind-merino-base':
    'M300 180 Q400 220 500 180 L620 250 L590 330 L540 310 L540 650 L260 650 L260 310 L210 330 L180 250 Z',
  'sti-hiking-trousers': 'M290 140 L510 140 L540 700 L430 700 L400 330 L370 700 L260 700 Z',
  'bre-down-vest':
    'M290 170 Q400 220 510 170 L560 250 L580 650 L220 650 L240 250 Z M240 330 L560 330 M232 450 L568 450 M225 560 L575 560',
  'myr-hiking-boot': 'M300 220 L470 220 L480 480 L640 540 Q670 580 650 620 L260 620 Q240 600 250 560 Z',
  'elv-trail-runner':
    'M200 470 Q260 380 380 400 L470 440 Q600 450 660 520 Q680 580 640 600 L200 600 Q170 560 200 470 Z',
  'topp-daypack-25':
    'M280 220 Q400 140 520 220 L560 660 Q400 700 240 660 Z M310 420 L490 420 L500 600 L300 600 Z',
  'lavvo-wool-beanie': 'M230 520 Q240 260 400 240 Q560 260 570 520 Z M220 520 L580 520 L580 600 L220 600 Z',
};

export function demoPicture(style: string, colour: string): string {
  const [fill, dark] = COLOUR_HEX[colour] ?? ['#888888', '#555555'];
  const shape = SHAPES[style] ?? 'M200 200 L600 200 L600 600 L200 600 Z';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
<defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f2ec"/><stop offset="1" stop-color="#e3e0d6"/></linearGradient>
<linearGradient id="f" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${fill}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
<rect width="800" height="800" fill="url(#b)"/><ellipse cx="400" cy="720" rx="260" ry="26" fill="#00000018"/>
<path d="${shape}" fill="url(#f)" fill-rule="evenodd" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/></svg>`;
}

export async function loadDemoMedia(ctx: Ctx, media: MediaService, catalog: DemoCatalog): Promise<number> {
  let added = 0;
  const pictured = new Map<string, boolean>();
  for (const p of catalog.pictures) {
    if (!pictured.has(p.productId))
      pictured.set(p.productId, (await media.listImages(ctx, p.productId)).length > 0);
    if (pictured.get(p.productId)) continue;
    const master = await trustedSvgMaster(demoPicture(p.style, p.colour));
    await media.addMaster(ctx, { productId: p.productId, variantId: p.variantId, master, alt: p.alt });
    added++;
  }
  return added;
}
