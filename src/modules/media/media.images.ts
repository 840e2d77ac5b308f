// Image work with sharp: uploads become a clean master (orientation applied, metadata such as GPS
// dropped, at most 2048 px), and sizes are made from the master on first request in AVIF, WebP or
// JPEG. Pixels are limited before decoding, so a small file that claims a huge canvas is refused.
import type { Metadata } from 'sharp';
import { AppError } from '../../kernel/index.js';
import type { MediaFormat } from './media.types.js';

// libvips loads at the first image (~0.1 s of CPU), not at every start.
const loadSharp = async () => (await import('sharp')).default;

const MAX_MASTER_PX = 2048;
/** 40 megapixels: more than any product photo needs, less than a decompression bomb. */
const MAX_INPUT_PIXELS = 40_000_000;

export interface Master {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png' | 'image/svg+xml';
  width: number;
  height: number;
}

const refused = (message: string) =>
  new AppError('validation_failed', message, { issues: [{ path: 'body', message }] });

/** An uploaded image → its master. Transparent images stay PNG; the rest become JPEG. */
export async function makeMaster(input: Buffer): Promise<Master> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw refused('not a decodable image (JPEG, PNG, WebP, AVIF or GIF)');
  }
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'heif', 'gif'].includes(meta.format ?? ''))
    throw refused('not a decodable image (JPEG, PNG, WebP, AVIF or GIF)');
  try {
    const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize({ width: MAX_MASTER_PX, height: MAX_MASTER_PX, fit: 'inside', withoutEnlargement: true });
    const png = meta.hasAlpha === true;
    const { data, info } = await (png
      ? pipeline.png()
      : pipeline.jpeg({ quality: 90, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      contentType: png ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
    };
  } catch {
    throw refused('the image could not be decoded');
  }
}

/**
 * A drawing the hub made itself (the demo's pictures): kept as SVG and rasterised per size. Never
 * reachable from an upload: librsvg is not an attack surface we offer to clients.
 */
export async function trustedSvgMaster(svg: string): Promise<Master> {
  const sharp = await loadSharp();
  const meta = await sharp(Buffer.from(svg)).metadata();
  return { bytes: Buffer.from(svg), contentType: 'image/svg+xml', width: meta.width!, height: meta.height! };
}

export const FORMAT_TYPES: Record<MediaFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

/** One size of a master in one format (flattened on white for JPEG). */
export async function renderSize(master: Buffer, width: number, format: MediaFormat): Promise<Buffer> {
  const sharp = await loadSharp();
  const img = sharp(master, { limitInputPixels: MAX_INPUT_PIXELS }).resize({
    width,
    withoutEnlargement: true,
  });
  if (format === 'avif') return img.avif({ quality: 55, effort: 2 }).toBuffer();
  if (format === 'webp') return img.webp({ quality: 78 }).toBuffer();
  return img.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}
