// The roles a staff member can have and the scopes each holds: one table, in code, so a role means
// the same on every hub and a change is reviewed. Scopes are the API keys' (`area:read|write`,
// `admin` holds every scope, `x:write` holds `x:read`) plus the acts that are no area's read or
// write: `pos:price_override` (change a line's price at the till) and `inbox:till` (the sale
// customer's conversations at the till, never the inbox; `inbox:read` holds it).
export const STAFF_ROLES = ['clerk', 'store_manager', 'agent', 'marketer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Changing a till line's unit price (with a reason); a clerk needs a manager's approval. */
export const PRICE_OVERRIDE_SCOPE = 'pos:price_override';

/** At a till: the conversations of the customer of a sale on it (read, and a shop visit's note). */
export const TILL_INBOX_SCOPE = 'inbox:till';

/** What a till calls: its channel, catalog, stock, carts and sales, orders (returns) and live events. */
const TILL = [
  'channels:read',
  'catalog:read',
  'carts:write',
  'orders:write',
  'inventory:read',
  'customers:read',
  'events:read',
  TILL_INBOX_SCOPE,
] as const;

export const ROLE_SCOPES: Readonly<Record<StaffRole, readonly string[]>> = {
  clerk: TILL,
  store_manager: [...TILL, PRICE_OVERRIDE_SCOPE, 'inventory:write'],
  // Customer service: the inbox, and the customers and orders it is about.
  agent: ['inbox:write', 'customers:read', 'orders:read', 'catalog:read', 'channels:read'],
  marketer: [
    'promotions:write',
    'journeys:write',
    // Moderating product reviews (they come from the review-request journey).
    'reviews:write',
    'insights:read',
    'customers:read',
    'catalog:read',
    'channels:read',
    'events:read',
  ],
  // `admin` holds every scope; the others are listed so the table reads as what the role may do.
  admin: ['admin', 'staff:write', PRICE_OVERRIDE_SCOPE, 'inbox:write'],
};
