// Ingestion sources: a write key belongs to a channel. Keys are shown once and stored as SHA-256
// hashes (they are 192-bit random); verification is cached for a few seconds so the ingest hot path
// pays no extra round trip, and a revoked key stops working within that time. Also the shared-device list.
import { createHash, randomBytes } from 'node:crypto';
import { newId, notFound } from '../../kernel/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type IngestSource, type Source, SourceInput } from './customers.types.js';
import {
  deleteSharedDevice,
  insertSource,
  revokeSourceRow,
  selectLiveSourceByKeyHash,
  selectSharedDevices,
  selectSources,
  upsertSharedDevice,
} from './sources.repository.js';

const CACHE_MS = 5_000;
const hashKey = (k: string) => createHash('sha256').update(k).digest('hex');

export function createSourcesService() {
  const cache = createTtlCache<string, IngestSource | null>({ ttlMs: CACHE_MS, max: 10_000 });

  return {
    /** Creates a source; the write key is returned only here. */
    async createSource(ctx: Ctx, input: SourceInput): Promise<Source & { writeKey: string }> {
      const parsed = SourceInput.parse(input);
      const writeKey = `wk_${randomBytes(24).toString('base64url')}`;
      const source = await insertSource(ctx.db, {
        id: newId('src'),
        channelId: parsed.channelId,
        name: parsed.name,
        keyHash: hashKey(writeKey),
        keyPrefix: writeKey.slice(0, 8),
        sharedDevices: parsed.sharedDevices,
        at: ctx.clock.now(),
      });
      return { ...source, writeKey };
    },

    async listSources(ctx: Ctx, channelId?: string | null): Promise<Source[]> {
      return selectSources(ctx.db, channelId);
    },

    async revokeSource(ctx: Ctx, id: string): Promise<Source> {
      const source = await revokeSourceRow(ctx.db, id, ctx.clock.now());
      if (!source) throw notFound('source', id);
      cache.clear();
      return source;
    },

    /** The source of a write key, or null when the key is unknown or revoked. */
    async authenticate(ctx: Ctx, writeKey: string): Promise<IngestSource | null> {
      const h = hashKey(writeKey);
      const hit = cache.get(h);
      if (hit !== undefined) return hit;
      const r = await selectLiveSourceByKeyHash(ctx.db, h);
      const source = r ? { id: r.id, channelId: r.channelId, sharedDevices: r.sharedDevices } : null;
      cache.set(h, source);
      return source;
    },

    async addSharedDevice(ctx: Ctx, value: string, note?: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        await upsertSharedDevice(tx.db, value.trim(), note ?? null, tx.clock.now());
      });
    },

    async removeSharedDevice(ctx: Ctx, value: string): Promise<boolean> {
      return deleteSharedDevice(ctx.db, value);
    },

    async listSharedDevices(
      ctx: Ctx,
    ): Promise<Array<{ value: string; note: string | null; createdAt: Date }>> {
      const r = await selectSharedDevices(ctx.db);
      return r.map((d) => ({ value: d.value, note: d.note, createdAt: d.createdAt }));
    },
  };
}
