// Events the advisor emits, with their payload schemas (subject: `retailer`).
import { z } from 'zod';
import { defineEvents } from '../../platform/events/event-schemas.js';
import { COMMERCE_TYPES, GOALS } from './advisor.types.js';

export const ADVISOR_EVENTS = { profileSaved: 'advisor.profile_saved' } as const;

export const ADVISOR_EVENT_SCHEMAS = defineEvents({
  [ADVISOR_EVENTS.profileSaved]: z.strictObject({
    commerceType: z.enum(COMMERCE_TYPES),
    goals: z.array(z.enum(GOALS)),
  }),
});
