// What the CDP holds about a person and how an erasure removes it: the counted events (their
// properties may hold anything a shop sent) are deleted, and so are the audience memberships.
import type { Ctx } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import type { ErasureSubject, PersonalDataRegistry } from '../../platform/privacy/personal-data.js';
import { CDP_EVENTS } from './cdp.events.js';
import { selectAudiences } from './definitions.repository.js';
import { deleteMembershipsOf, deleteProfileEventsOf } from './membership.repository.js';

export const CDP_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'cdp',
  personal: [
    {
      table: 'cdp_profile_events',
      column: 'properties',
      erasure: "rows of the erased cluster's profiles deleted",
    },
    {
      table: 'cdp_profile_events',
      column: 'event_name',
      erasure: "rows of the erased cluster's profiles deleted",
    },
  ],
  notPersonal: [
    { table: 'cdp_audiences', column: 'name', reason: "an audience's name chosen by staff" },
    { table: 'cdp_destinations', column: 'name', reason: "a destination's name chosen by staff" },
    {
      table: 'cdp_tracking_plans',
      column: 'event_name',
      reason: 'an event name of the tracking plan (staff)',
    },
    { table: 'cdp_tracking_violations', column: 'event_name', reason: 'an event name of the tracking plan' },
    {
      table: 'cdp_tracking_violations',
      column: 'example',
      reason: 'a message id and the paths and rules that failed, never the values',
    },
  ],
};

/**
 * Deletes the counted events and memberships of the erased cluster's profiles (each membership
 * ends with audience.exited, reason erased); returns the rows.
 */
export async function eraseCdpData(ctx: Ctx, subject: Pick<ErasureSubject, 'profileIds'>): Promise<number> {
  const events = await deleteProfileEventsOf(ctx.db, subject.profileIds);
  const members = await deleteMembershipsOf(ctx.db, subject.profileIds);
  if (members.length) {
    const keys = new Map((await selectAudiences(ctx.db, false)).map((a) => [a.id, a.key]));
    const at = ctx.clock.now().toISOString();
    await appendEvents(
      ctx,
      members.map((m) => ({
        type: CDP_EVENTS.audienceExited,
        subject: m.customerId,
        channelId: null,
        payload: { ...m, audienceKey: keys.get(m.audienceId) ?? m.audienceId, at, reason: 'erased' },
      })),
    );
  }
  return events + members.length;
}
