// Staff records and the bodies of the staff routes: validation, types and OpenAPI from one declaration.
import { z } from 'zod';
import { STAFF_ROLES } from './staff.roles.js';
import { PASSWORD_LIMITS } from './staff-passwords.js';

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
  locationIds: z.array(z.string()).describe('store locations the member works at; empty: anywhere'),
  active: z.boolean(),
  hasPassword: z.boolean(),
  scopes: z.array(z.string()).describe("the role's scopes"),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type StaffMember = z.infer<typeof StaffMember>;

const Email = z.string().trim().toLowerCase().email().max(320);
const Name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');
export const Password = z.string().min(PASSWORD_LIMITS.min).max(PASSWORD_LIMITS.max);
const LocationIds = z.array(z.string().min(1).max(100)).max(100);

export const CreateStaffMember = z.strictObject({
  name: Name,
  email: Email,
  role: z.enum(STAFF_ROLES),
  locationIds: LocationIds.default([]),
  password: Password.optional().describe('at least 10 characters; without one the member cannot sign in yet'),
});
export type CreateStaffMember = z.infer<typeof CreateStaffMember>;

export const UpdateStaffMember = z.strictObject({
  name: Name.optional(),
  role: z.enum(STAFF_ROLES).optional(),
  locationIds: LocationIds.optional(),
  active: z.boolean().optional().describe('false: the member cannot sign in and every session ends'),
  password: Password.optional(),
});
export type UpdateStaffMember = z.infer<typeof UpdateStaffMember>;

export const StaffSignIn = z.strictObject({
  email: Email,
  password: z.string().min(1).max(PASSWORD_LIMITS.max),
  channel: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('the till (store channel id or code) to sign in at; the session then acts as that channel'),
});
export type StaffSignIn = z.infer<typeof StaffSignIn>;

export interface StaffSession {
  id: string;
  staffId: string;
  channelId: string | null;
  createdAt: Date;
  expiresAt: Date;
}
