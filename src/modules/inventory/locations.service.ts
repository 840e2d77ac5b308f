// Stock locations (warehouses and stores, with address and coordinates for routing and pickup) and
// channel sourcing: which locations feed a channel's availability and its safety buffer.
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS } from './inventory.events.js';
import {
  type Location,
  LocationInput,
  type LocationPatch,
  type Sourcing,
  SourcingInput,
} from './inventory.types.js';
import {
  insertLocation,
  replaceSourcing,
  selectLocation,
  selectLocations,
  selectLocationsByRef,
  selectSourcing,
  updateLocationRow,
} from './locations.repository.js';

export interface LocationsDeps {
  /** Resolves a channel id or code to its id (the channels module owns channels); without it any id is taken as is. */
  resolveChannelId?: (ctx: Ctx, idOrCode: string) => Promise<string | undefined>;
}

export function createLocationsService(deps: LocationsDeps = {}) {
  return {
    async createLocation(ctx: Ctx, input: LocationInput): Promise<Location> {
      const parsed = LocationInput.parse(input);
      const now = ctx.clock.now();
      const location: Location = { id: newId('loc'), ...parsed, createdAt: now, updatedAt: now };
      return inTransaction(ctx, async (tx) => {
        const created = await insertLocation(tx.db, location);
        if (!created) {
          throw new AppError('location_code_taken', `A location with code ${parsed.code} already exists`, {
            details: { field: 'code' },
          });
        }
        await appendEvent(tx, {
          type: INVENTORY_EVENTS.locationCreated,
          subject: created.id,
          channelId: null,
          payload: { location: created },
        });
        return created;
      });
    },

    async updateLocation(ctx: Ctx, idOrCode: string, patch: LocationPatch): Promise<Location> {
      return inTransaction(ctx, async (tx) => {
        const current = await selectLocation(tx.db, idOrCode, true);
        if (!current) throw notFound('location', idOrCode);
        const updated = await updateLocationRow(tx.db, { ...current, ...patch, updatedAt: ctx.clock.now() });
        await appendEvent(tx, {
          type: INVENTORY_EVENTS.locationUpdated,
          subject: updated.id,
          channelId: null,
          payload: { location: updated, changed: Object.keys(patch) },
        });
        return updated;
      });
    },

    async getLocation(ctx: Ctx, idOrCode: string): Promise<Location> {
      const l = await selectLocation(ctx.db, idOrCode);
      if (!l) throw notFound('location', idOrCode);
      return l;
    },

    findLocation: (ctx: Ctx, idOrCode: string) => selectLocation(ctx.db, idOrCode),

    listLocations: (ctx: Ctx, filter: { type?: string | undefined } = {}) => selectLocations(ctx.db, filter),

    /** Replaces which locations (ids or codes, in fill order) feed a channel and its safety buffer. */
    async setSourcing(ctx: Ctx, channelRef: string, input: SourcingInput): Promise<Sourcing> {
      const parsed = SourcingInput.parse(input);
      const channelId = deps.resolveChannelId ? await deps.resolveChannelId(ctx, channelRef) : channelRef;
      if (!channelId) throw notFound('channel', channelRef);
      const found = await selectLocationsByRef(ctx.db, parsed.locationIds);
      const missing = parsed.locationIds.filter((ref) => !found.has(ref));
      if (missing.length > 0) {
        throw new AppError('validation_failed', 'Unknown locations', {
          issues: missing.map((ref) => ({
            path: `locationIds.${parsed.locationIds.indexOf(ref)}`,
            message: `no location ${ref}`,
          })),
        });
      }
      const ids = [...new Set(parsed.locationIds.map((ref) => found.get(ref)!.id))];
      return inTransaction(ctx, async (tx) => {
        await replaceSourcing(tx.db, channelId, ids, parsed.safetyBuffer, ctx.clock.now());
        const sourcing: Sourcing = { channelId, locationIds: ids, safetyBuffer: parsed.safetyBuffer };
        await appendEvent(tx, {
          type: INVENTORY_EVENTS.sourcingChanged,
          subject: channelId,
          channelId,
          payload: { sourcing },
        });
        return sourcing;
      });
    },

    /** A channel's sourcing; a channel never configured has none (and nothing to sell). */
    async getSourcing(ctx: Ctx, channelId: string): Promise<Sourcing> {
      return (await selectSourcing(ctx.db, channelId)) ?? { channelId, locationIds: [], safetyBuffer: 0 };
    },
  };
}

export type LocationsService = ReturnType<typeof createLocationsService>;
