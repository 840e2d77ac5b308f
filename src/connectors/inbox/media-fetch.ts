// Media a customer sent on a messaging platform, downloaded once when the message arrives and kept
// in the hub's attachment storage (the platforms' URLs expire, and some need the account's token).
// A file over the size limit, or one that cannot be fetched, is not kept: the message is stored
// anyway with a line saying so, since the platform would otherwise redeliver it forever.
import type { AttachmentInput } from '../../modules/inbox/index.js';

const TIMEOUT_MS = 20_000;

/** A file the platform's payload points to; `resolve` turns it into a URL and headers to GET it with. */
export interface MediaRef {
  /** image, video, audio, file, sticker… as the platform says. */
  kind: string;
  filename?: string | undefined;
  contentType?: string | undefined;
  /** The account's way to fetch it (a bare URL, Graph's media id lookup, Twilio's basic auth). */
  fetch: (maxBytes: number) => Promise<FetchedMedia>;
}

export type FetchedMedia =
  | { ok: true; content: Buffer; contentType: string }
  | { ok: false; reason: 'too_large' | 'unavailable'; detail: string };

/** GETs a URL and reads at most maxBytes; refuses early on a Content-Length over the limit. */
export async function fetchLimited(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<FetchedMedia> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (err) {
    return { ok: false, reason: 'unavailable', detail: (err as Error).message.slice(0, 200) };
  }
  if (!res.ok || !res.body) return { ok: false, reason: 'unavailable', detail: `HTTP ${res.status}` };
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel().catch(() => {});
    return { ok: false, reason: 'too_large', detail: `${declared} bytes` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) return { ok: false, reason: 'too_large', detail: `over ${maxBytes} bytes` };
    chunks.push(Buffer.from(chunk));
  }
  const contentType = (res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim();
  return { ok: true, content: Buffer.concat(chunks), contentType };
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'application/pdf': 'pdf',
};

/** Downloads every file; returns the attachments kept and a line per file that was not. */
export async function downloadMedia(
  refs: MediaRef[],
  maxBytes: number,
): Promise<{ attachments: AttachmentInput[]; notes: string[] }> {
  const attachments: AttachmentInput[] = [];
  const notes: string[] = [];
  for (const [i, ref] of refs.slice(0, 10).entries()) {
    const got = await ref.fetch(maxBytes);
    if (!got.ok) {
      notes.push(
        got.reason === 'too_large'
          ? `[${ref.kind} not kept: larger than ${maxBytes} bytes]`
          : `[${ref.kind} could not be downloaded]`,
      );
      continue;
    }
    const contentType = ref.contentType ?? got.contentType;
    const ext = EXTENSIONS[contentType] ?? 'bin';
    attachments.push({
      filename: ref.filename ?? `${ref.kind}-${i + 1}.${ext}`,
      contentType,
      content: got.content,
    });
  }
  return { attachments, notes };
}
