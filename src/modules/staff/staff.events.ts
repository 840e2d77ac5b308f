// Events the staff module emits, with their payload schemas. Subjects are staff member ids; payloads
// hold ids, roles and flags only (no name, address or secret).
import { z } from 'zod';
import type { NewEvent } from '../../platform/events/event-log.js';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';
import { STAFF_ROLES } from './staff.roles.js';

export const STAFF_EVENTS = {
  memberCreated: 'staff.member_created',
  memberUpdated: 'staff.member_updated',
  signedIn: 'staff.signed_in',
  signedOut: 'staff.signed_out',
} as const;

const Member = { staffId: z.string(), role: z.enum(STAFF_ROLES), active: z.boolean() };

export const STAFF_EVENT_SCHEMAS = defineEvents({
  [STAFF_EVENTS.memberCreated]: z.strictObject(Member),
  [STAFF_EVENTS.memberUpdated]: z.strictObject({
    ...Member,
    changed: z.array(z.string()).describe('the fields changed (a new password is `password`)'),
  }),
  [STAFF_EVENTS.signedIn]: z.strictObject({
    sessionId: z.string(),
    staffId: z.string(),
    channelId: z.string().nullable(),
    expiresAt: EventTime,
  }),
  [STAFF_EVENTS.signedOut]: z.strictObject({ sessionId: z.string(), staffId: z.string() }),
});

export type StaffEventPayload<T extends keyof typeof STAFF_EVENT_SCHEMAS> = EventPayload<
  typeof STAFF_EVENT_SCHEMAS,
  T
>;

export const memberCreatedEvent = (p: StaffEventPayload<typeof STAFF_EVENTS.memberCreated>): NewEvent => ({
  type: STAFF_EVENTS.memberCreated,
  subject: p.staffId,
  payload: p,
});

export const memberUpdatedEvent = (p: StaffEventPayload<typeof STAFF_EVENTS.memberUpdated>): NewEvent => ({
  type: STAFF_EVENTS.memberUpdated,
  subject: p.staffId,
  payload: p,
});

export const staffSignedInEvent = (p: StaffEventPayload<typeof STAFF_EVENTS.signedIn>): NewEvent => ({
  type: STAFF_EVENTS.signedIn,
  subject: p.staffId,
  channelId: p.channelId,
  payload: p,
});

export const staffSignedOutEvent = (p: StaffEventPayload<typeof STAFF_EVENTS.signedOut>): NewEvent => ({
  type: STAFF_EVENTS.signedOut,
  subject: p.staffId,
  payload: p,
});
