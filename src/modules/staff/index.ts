// Staff: the accounts of the people who run the business (clerk, store manager, agent, marketer,
// admin), each role a fixed set of scopes (staff.roles.ts), their password sign-in and sessions.
//
// For the composition root: createStaffService, staffRoutes, staffSessionResolver (the auth hook's
// `staff` credential), staffMigrations. Events: STAFF_EVENTS (ids only).
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { STAFF_EVENT_SCHEMAS, STAFF_EVENTS, type StaffEventPayload } from './staff.events.js';
export {
  PRICE_OVERRIDE_SCOPE,
  ROLE_SCOPES,
  STAFF_ROLES,
  type StaffRole,
  TILL_INBOX_SCOPE,
} from './staff.roles.js';
export { type StaffRouteDeps, staffRoutes, staffSessionResolver } from './staff.routes.js';
export {
  createStaffService,
  type SignInPlace,
  STAFF_SESSION_POLICY,
  STAFF_TOKEN_PREFIX,
  type StaffService,
} from './staff.service.js';
export { StaffMember, type StaffSession } from './staff.types.js';
export { PASSWORD_LIMITS } from './staff-passwords.js';

export const staffMigrations: MigrationSet = {
  name: 'staff',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
