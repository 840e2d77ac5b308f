import { AppError } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { liveRootOf, loadClusterSet, restage } from './clusters.js';
import { CUSTOMER_EVENTS } from './customers.events.js';
import { lockIdentity, updateProfiles } from './customers.repository.js';
import type { StageThresholds, TagChangeResult, TraitUpdateResult } from './customers.types.js';
import { type IdentityRules, limitedTypesOf } from './identifiers.js';
import { stageEvents } from './merges.service.js';
import { applyEvent, applyTraits, clusterTraits } from './profile-state.js';
import { selectTagsOf, writeTagRows } from './tags.repository.js';
import { insertTimelineEntry, type TimelineEntryRow } from './timeline.repository.js';

/** A timeline entry recorded with a change, once per (kind, ref): e.g. a workflow rule's action. */
export type OnceEntry = Omit<TimelineEntryRow, 'channelId' | 'occurredAt'> & {
  channelId?: string | null;
  occurredAt?: Date;
};

/** Traits that are identifiers too: they go through identify(), which runs identity resolution. */
const IDENTIFIER_TRAITS = ['email', 'phone'];

export const normalizeTag = (tag: string) => tag.trim().toLowerCase();

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, { issues: [{ path, message }] });
}

export function createProfileEdits(opts: { rules: IdentityRules; thresholds: StageThresholds }) {
  /**
   * Locks identity, loads the cluster of `id`, and records the once-entry on the profile addressed
   * (`home`: what is set by id stays with that profile, so an unmerge gives it back to it).
   */
  async function begin(tx: Ctx, id: string, channelId: string | null, once?: OnceEntry) {
    await lockIdentity(tx.db);
    const c = await loadClusterSet(tx.db, [id], limitedTypesOf(opts.rules));
    const root = liveRootOf(c.membersOf(c.rootOf(id)), id);
    const rootId = root.id;
    const home = c.profiles.get(id) ?? root;
    const now = tx.clock.now();
    let repeated = false;
    if (once) {
      const entry = { ...once, channelId: once.channelId ?? channelId, occurredAt: once.occurredAt ?? now };
      repeated = !(await insertTimelineEntry(tx.db, home.id, entry, now));
      if (!repeated) {
        applyEvent(
          home,
          {
            channelId: entry.channelId,
            at: entry.occurredAt.toISOString(),
            kind: 'entry',
            name: entry.kind,
            properties: {},
          },
          opts.thresholds,
        );
        home.updatedAt = now.toISOString();
      }
    }
    return { c, rootId, root, home, repeated, now };
  }

  const tagsOf = (tx: Ctx, ids: string[]) => selectTagsOf(tx.db, ids);

  return {
    /**
     * Adds and removes tags (trimmed, lower case); adding a tag the customer has, or removing one it
     * lacks, changes nothing. Emits customer.tags_changed when something changed.
     */
    async changeTags(
      ctx: Ctx,
      id: string,
      input: { add?: string[]; remove?: string[]; channelId?: string | null; once?: OnceEntry },
    ): Promise<TagChangeResult> {
      const add = [...new Set((input.add ?? []).map(normalizeTag))];
      const remove = [...new Set((input.remove ?? []).map(normalizeTag))];
      add.forEach((t, i) => {
        if (!t) throw invalid(`body.add.${i}`, 'a tag cannot be empty');
        if (remove.includes(t)) throw invalid(`body.add.${i}`, `"${t}" is both added and removed`);
      });
      if (remove.some((t) => !t)) throw invalid('body.remove', 'a tag cannot be empty');
      const channelId = input.channelId === undefined ? ctx.channelId : input.channelId;
      return inTransaction(ctx, async (tx) => {
        const { c, rootId, root, home, repeated, now } = await begin(tx, id, channelId, input.once);
        const ids = c.membersOf(rootId).map((p) => p.id);
        const before = await tagsOf(tx, ids);
        if (repeated) return { customerId: rootId, added: [], removed: [], tags: before, repeated };
        const write = { profileId: home.id, shown: before, channelId, actor: tx.actor.id, at: now };
        await writeTagRows(tx.db, { ...write, tags: add, removed: false });
        await writeTagRows(tx.db, { ...write, tags: remove, removed: true });
        const after = await tagsOf(tx, ids);
        const added = after.filter((t) => !before.includes(t));
        const removed = before.filter((t) => !after.includes(t));
        const result = {
          customerId: rootId,
          added,
          removed,
          tags: after,
          repeated,
        };
        const events: NewEvent[] = [];
        if (result.added.length || result.removed.length) {
          events.push({
            type: CUSTOMER_EVENTS.tagsChanged,
            subject: rootId,
            channelId,
            payload: { profileId: rootId, added: result.added, removed: result.removed },
          });
        }
        if (input.once) {
          const changes = restage(c, [rootId], opts.thresholds, now);
          await updateProfiles(tx.db, [...new Set([home, root])]);
          events.push(...stageEvents(changes));
        }
        await appendEvents(tx, events);
        return result;
      });
    },

    /**
     * Sets traits newest-wins, as ingestion does: a value older (`at`, default now) than the one the
     * profile holds is ignored. Written on the profile addressed (a merged one keeps its own); `changed` lists the keys whose value
     * the customer view shows changed (customer.traits_changed carries those names, never values).
     */
    async updateTraits(
      ctx: Ctx,
      id: string,
      input: { traits: Record<string, unknown>; channelId?: string | null; at?: Date; once?: OnceEntry },
    ): Promise<TraitUpdateResult> {
      for (const key of Object.keys(input.traits)) {
        if (IDENTIFIER_TRAITS.includes(key))
          throw invalid(
            `body.traits.${key}`,
            `${key} is an identifier: set it with POST /api/customers/identify`,
          );
      }
      const channelId = input.channelId === undefined ? ctx.channelId : input.channelId;
      return inTransaction(ctx, async (tx) => {
        const { c, rootId, root, home, repeated, now } = await begin(tx, id, channelId, input.once);
        const members = c.membersOf(rootId);
        const before = clusterTraits(members);
        if (repeated) return { customerId: rootId, changed: [], traits: before, repeated };
        const homeTraits = JSON.stringify(home.traits);
        applyTraits(home, input.traits, channelId, (input.at ?? now).toISOString());
        const after = clusterTraits(members);
        const same = (k: string) => JSON.stringify(before[k]?.value) === JSON.stringify(after[k]?.value);
        const changed = Object.keys(input.traits).filter((k) => k in after && !same(k));
        // The row is rewritten when its traits moved (a value, or only its time) or the entry landed.
        const stages = input.once ? restage(c, [rootId], opts.thresholds, now) : [];
        if (input.once || stages.length || JSON.stringify(home.traits) !== homeTraits) {
          home.updatedAt = now.toISOString();
          await updateProfiles(tx.db, [...new Set([home, root])]);
        }
        const events: NewEvent[] = [];
        if (changed.length) {
          events.push({
            type: CUSTOMER_EVENTS.traitsChanged,
            subject: rootId,
            channelId,
            payload: { profileId: rootId, traits: changed },
          });
        }
        events.push(...stageEvents(stages));
        await appendEvents(tx, events);
        return { customerId: rootId, changed, traits: after, repeated };
      });
    },
  };
}
