// Audiences and computed traits: saved definitions, and the membership writes the CDP flow makes.
// Every entry and exit is an audience.entered / audience.exited event written with the row change.
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { CDP_EVENTS } from './cdp.events.js';
import type { CdpService } from './cdp.interface.js';
import {
  AudienceInput,
  AudiencePatch,
  type ComputedTrait,
  ComputedTraitInput,
  ComputedTraitPatch,
} from './cdp.types.js';
import {
  deleteAudienceRow,
  deleteComputedTraitRow,
  insertAudience,
  insertComputedTrait,
  selectAudience,
  selectAudiences,
  selectComputedTrait,
  selectComputedTraits,
  updateAudienceRow,
  updateComputedTraitRow,
} from './definitions.repository.js';
import {
  deleteMembers,
  deleteMembersOfAudience,
  insertMembers,
  insertProfileEvents,
  type Membership,
  selectMembers,
  selectMemberships,
  selectProfileEvents,
} from './membership.repository.js';

type AudienceMethods = Pick<
  CdpService,
  | 'createAudience'
  | 'listAudiences'
  | 'getAudience'
  | 'updateAudience'
  | 'deleteAudience'
  | 'members'
  | 'membershipsOf'
  | 'applyMemberships'
  | 'createComputedTrait'
  | 'listComputedTraits'
  | 'updateComputedTrait'
  | 'deleteComputedTrait'
  | 'recordEvents'
  | 'eventsOf'
>;

export function createAudienceMethods(changed: (ctx: Ctx) => Promise<void>): AudienceMethods {
  async function getAudience(ctx: Ctx, idOrKey: string) {
    const a = await selectAudience(ctx.db, idOrKey);
    if (!a) throw notFound('audience', idOrKey);
    return a;
  }
  const exitEvents = (
    audience: { id: string; key: string },
    customerIds: string[],
    reason: 'audience_changed' | 'audience_deleted',
    at: Date,
  ): NewEvent[] =>
    customerIds.map((customerId) => ({
      type: CDP_EVENTS.audienceExited,
      subject: customerId,
      channelId: null,
      payload: {
        audienceId: audience.id,
        audienceKey: audience.key,
        customerId,
        at: at.toISOString(),
        reason,
      },
    }));

  const audienceChanged = (a: { id: string; key: string }, change: 'created' | 'updated'): NewEvent => ({
    type: CDP_EVENTS.audienceChanged,
    subject: a.id,
    channelId: null,
    payload: { audienceId: a.id, audienceKey: a.key, change },
  });
  const traitChanged = (t: { id: string; traitKey: string }, change: 'created' | 'updated'): NewEvent => ({
    type: CDP_EVENTS.computedTraitChanged,
    subject: t.id,
    channelId: null,
    payload: { computedTraitId: t.id, traitKey: t.traitKey, change },
  });

  async function getComputedTrait(ctx: Ctx, id: string): Promise<ComputedTrait> {
    const t = await selectComputedTrait(ctx.db, id);
    if (!t) throw notFound('computed trait', id);
    return t;
  }

  return {
    async createAudience(ctx, input) {
      const parsed = AudienceInput.parse(input);
      const now = ctx.clock.now();
      const a = { id: newId('aud'), description: null, ...parsed, createdAt: now, updatedAt: now };
      await inTransaction(ctx, async (tx) => {
        if (!(await insertAudience(tx.db, a)))
          throw new AppError('audience_key_taken', `An audience with key ${parsed.key} exists`, {
            issues: [{ path: 'body.key', message: 'taken' }],
          });
        await appendEvents(tx, [audienceChanged(a, 'created')]);
      });
      await changed(ctx);
      return { ...a, memberCount: 0 };
    },
    listAudiences: (ctx) => selectAudiences(ctx.db),
    getAudience,
    async updateAudience(ctx, idOrKey, patch) {
      const p = AudiencePatch.parse(patch);
      const before = await getAudience(ctx, idOrKey);
      const next = { ...before, ...p, updatedAt: ctx.clock.now() };
      const { memberCount: _n, ...row } = next;
      // A new rule, or a paused audience made active again, is evaluated for existing customers.
      const reevaluate =
        next.status === 'active' &&
        (before.status !== 'active' || JSON.stringify(before.rule) !== JSON.stringify(next.rule));
      await inTransaction(ctx, async (tx) => {
        await updateAudienceRow(tx.db, row);
        if (reevaluate) await appendEvents(tx, [audienceChanged(next, 'updated')]);
      });
      await changed(ctx);
      return next;
    },
    async deleteAudience(ctx, idOrKey) {
      await inTransaction(ctx, async (tx) => {
        const a = await getAudience(tx, idOrKey);
        const gone = await deleteMembersOfAudience(tx.db, a.id);
        await deleteAudienceRow(tx.db, a.id);
        if (gone.length) await appendEvents(tx, exitEvents(a, gone, 'audience_deleted', tx.clock.now()));
      });
      await changed(ctx);
    },
    async members(ctx, idOrKey, o) {
      const a = await getAudience(ctx, idOrKey);
      const items = await selectMembers(ctx.db, a.id, { after: o.after, limit: o.limit + 1 });
      const more = items.length > o.limit;
      const page = more ? items.slice(0, o.limit) : items;
      return { items: page, next: more ? page[page.length - 1]!.customerId : null };
    },
    membershipsOf: (ctx, customerIds) => selectMemberships(ctx.db, customerIds),
    async applyMemberships(ctx, change) {
      if (change.enter.length === 0 && change.exit.length === 0) return { entered: 0, exited: 0 };
      const keys = new Map((await selectAudiences(ctx.db, false)).map((a) => [a.id, a.key]));
      return inTransaction(ctx, async (tx) => {
        const at = tx.clock.now();
        const entered = await insertMembers(tx.db, change.enter, at);
        const exited = await deleteMembers(tx.db, change.exit);
        const key = (m: Membership) => `${m.audienceId}|${m.customerId}`;
        const cause = new Map(change.enter.map((m) => [key(m), m.causedBy]));
        const reason = new Map(change.exit.map((m) => [key(m), m.reason]));
        const payload = (m: Membership) => ({
          audienceId: m.audienceId,
          audienceKey: keys.get(m.audienceId) ?? m.audienceId,
          customerId: m.customerId,
          at: at.toISOString(),
        });
        await appendEvents(tx, [
          ...entered.map((m) => ({
            type: CDP_EVENTS.audienceEntered,
            subject: m.customerId,
            channelId: null,
            payload: { ...payload(m), causedBy: cause.get(key(m)) ?? null },
          })),
          ...exited.map((m) => ({
            type: CDP_EVENTS.audienceExited,
            subject: m.customerId,
            channelId: null,
            payload: { ...payload(m), reason: reason.get(key(m)) ?? 'no_longer_matches' },
          })),
        ]);
        return { entered: entered.length, exited: exited.length };
      });
    },

    async createComputedTrait(ctx, input) {
      const parsed = ComputedTraitInput.parse(input);
      const now = ctx.clock.now();
      const t = { id: newId('ctr'), ...parsed, createdAt: now, updatedAt: now };
      await inTransaction(ctx, async (tx) => {
        if (!(await insertComputedTrait(tx.db, t)))
          throw new AppError('computed_trait_key_taken', `A computed trait ${parsed.traitKey} exists`, {
            issues: [{ path: 'body.traitKey', message: 'taken' }],
          });
        await appendEvents(tx, [traitChanged(t, 'created')]);
      });
      await changed(ctx);
      return t;
    },
    listComputedTraits: (ctx) => selectComputedTraits(ctx.db),
    async updateComputedTrait(ctx, id, patch) {
      const p = ComputedTraitPatch.parse(patch);
      const before = await getComputedTrait(ctx, id);
      const next = { ...before, ...p, updatedAt: ctx.clock.now() };
      const recompute =
        next.status === 'active' &&
        (before.status !== 'active' || JSON.stringify(before.definition) !== JSON.stringify(next.definition));
      await inTransaction(ctx, async (tx) => {
        await updateComputedTraitRow(tx.db, next);
        if (recompute) await appendEvents(tx, [traitChanged(next, 'updated')]);
      });
      await changed(ctx);
      return next;
    },
    async deleteComputedTrait(ctx, id) {
      await getComputedTrait(ctx, id);
      await deleteComputedTraitRow(ctx.db, id);
      await changed(ctx);
    },

    recordEvents: (ctx, rows) => insertProfileEvents(ctx.db, rows),
    eventsOf: (ctx, profileIds, names, since) => selectProfileEvents(ctx.db, profileIds, names, since),
  };
}
