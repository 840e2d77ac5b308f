// Brings customers' audience memberships and computed traits up to date: for each profile touched,
// its cluster's counted events (one read for the whole batch), its traits, tags, stage and consent
// when a definition needs them (the single customer view), then computed traits are written through
// the customers module and memberships through the CDP module (entries and exits with their events,
// one transaction for the batch).
import {
  audienceSelector,
  type CdpDefinitions,
  type CdpService,
  type CountedEvent,
  computeTraitValue,
  type MembershipChange,
  matchesRule,
  type ProfileFacts,
  ruleNeedsProfile,
} from '../../modules/cdp/index.js';
import { type CustomersService, mayContact } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';

export type CdpCustomers = Pick<CustomersService, 'subjects' | 'updateTraits'>;

interface Subject {
  rootId: string;
  profileIds: string[];
  facts: Omit<ProfileFacts, 'events' | 'now'> | null;
}

const DAY_MS = 86_400_000;

/** The audiences worth evaluating for a customer, per definitions (built once per version). */
const selectors = new WeakMap<
  CdpDefinitions,
  ReturnType<typeof audienceSelector<CdpDefinitions['audiences'][number]>>
>();
function selectorOf(defs: CdpDefinitions) {
  let s = selectors.get(defs);
  if (!s) {
    s = audienceSelector(defs.audiences);
    selectors.set(defs, s);
  }
  return s;
}

/** The touched customers, by root: one read for the whole batch. */
async function readSubjects(
  ctx: Ctx,
  customers: CdpCustomers,
  profileIds: string[],
  needsProfile: boolean,
): Promise<Map<string, Subject>> {
  const found = await customers.subjects(ctx, profileIds, { facts: needsProfile });
  const now = ctx.clock.now();
  const out = new Map<string, Subject>();
  for (const s of found.values()) {
    if (out.has(s.rootId)) continue;
    out.set(s.rootId, {
      rootId: s.rootId,
      profileIds: s.profileIds,
      facts: needsProfile
        ? {
            traits: { ...s.traits },
            tags: s.tags,
            stage: s.stage,
            mayContact: (purpose, channel) => mayContact(s.consent, purpose, channel, now).allowed,
          }
        : null,
    });
  }
  return out;
}

/** Computed traits whose value differs from the profile's; the changed ones are written. */
async function writeComputedTraits(
  ctx: Ctx,
  defs: CdpDefinitions,
  customers: CdpCustomers,
  subject: Subject,
  events: CountedEvent[],
): Promise<void> {
  if (defs.computedTraits.length === 0 || !subject.facts) return;
  const now = ctx.clock.now();
  const changed: Record<string, unknown> = {};
  for (const t of defs.computedTraits) {
    const value = computeTraitValue(t.definition, events, now);
    if (JSON.stringify(subject.facts.traits[t.traitKey] ?? null) === JSON.stringify(value ?? null)) continue;
    changed[t.traitKey] = value;
    subject.facts.traits[t.traitKey] = value; // audiences see the new value in this same pass
  }
  if (Object.keys(changed).length === 0) return;
  await customers.updateTraits(ctx, subject.rootId, { traits: changed, channelId: null, at: now });
}

/**
 * Re-evaluates the customers these profiles belong to. `causes` names the event that touched a
 * profile (its message id), carried on audience.entered.
 */
export async function evaluateProfiles(
  ctx: Ctx,
  deps: { cdp: CdpService; customers: CdpCustomers },
  defs: CdpDefinitions,
  profileIds: string[],
  causes: Map<string, string> = new Map(),
): Promise<{ entered: number; exited: number }> {
  if (defs.audiences.length === 0 && defs.computedTraits.length === 0) return { entered: 0, exited: 0 };
  const needsProfile = defs.computedTraits.length > 0 || defs.audiences.some((a) => ruleNeedsProfile(a.rule));
  const found = await readSubjects(ctx, deps.customers, [...new Set(profileIds)], needsProfile);
  // Several profiles of one cluster are one customer; the entry names the event that touched one.
  const byRoot = new Map<string, { s: Subject; cause: string | undefined }>();
  const rootOf = new Map<string, string>();
  for (const s of found.values()) for (const p of s.profileIds) rootOf.set(p, s.rootId);
  for (const id of profileIds) {
    const root = rootOf.get(id);
    if (!root) continue;
    const cause = causes.get(id) ?? byRoot.get(root)?.cause;
    byRoot.set(root, { s: found.get(root)!, cause });
  }
  if (byRoot.size === 0) return { entered: 0, exited: 0 };
  const subjects = [...byRoot.values()];
  const now = ctx.clock.now();
  const names = [...defs.countedEvents.keys()];
  const owner = new Map<string, string>();
  for (const { s } of subjects) for (const p of s.profileIds) owner.set(p, s.rootId);
  const events = await deps.cdp.eventsOf(
    ctx,
    [...owner.keys()],
    names,
    new Date(now.getTime() - defs.windowDays * DAY_MS),
  );
  const eventsOf = new Map<string, CountedEvent[]>();
  for (const e of events) {
    const root = owner.get(e.profileId);
    if (!root) continue;
    const list = eventsOf.get(root) ?? [];
    list.push(e);
    eventsOf.set(root, list);
  }
  const current = new Map<string, Set<string>>();
  for (const m of await deps.cdp.membershipsOf(ctx, [...byRoot.keys()])) {
    const set = current.get(m.customerId) ?? new Set<string>();
    set.add(m.audienceId);
    current.set(m.customerId, set);
  }
  const select = selectorOf(defs);
  const change: MembershipChange = { enter: [], exit: [] };
  for (const { s, cause } of subjects) {
    const own = eventsOf.get(s.rootId) ?? [];
    await writeComputedTraits(ctx, defs, deps.customers, s, own);
    const facts: ProfileFacts = {
      now,
      events: own,
      ...(s.facts ?? { traits: {}, tags: new Set(), stage: null, mayContact: () => false }),
    };
    const memberOf = current.get(s.rootId) ?? new Set<string>();
    for (const a of select(new Set(own.map((e) => e.name)), memberOf)) {
      const isIn = memberOf.has(a.id);
      const match = matchesRule(a.rule, facts);
      if (match && !isIn)
        change.enter.push({ audienceId: a.id, customerId: s.rootId, causedBy: cause ?? null });
      else if (!match && isIn)
        change.exit.push({ audienceId: a.id, customerId: s.rootId, reason: 'no_longer_matches' });
    }
  }
  return deps.cdp.applyMemberships(ctx, change);
}
