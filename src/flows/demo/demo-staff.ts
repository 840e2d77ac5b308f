// The demo's staff accounts, so the admin and the till are tried as their people use them: an admin,
// and a store manager and a clerk of the Amsterdam store. Created with the demo data, once; their
// passwords are random and shown at that start only (stored as scrypt hashes, like every password).
import { randomBytes } from 'node:crypto';
import type { Location } from '../../modules/inventory/index.js';
import type { StaffRole, StaffService } from '../../modules/staff/index.js';
import type { Ctx } from '../../platform/context.js';

export interface DemoStaffAccount {
  name: string;
  email: string;
  role: StaffRole;
  /** The store they work at (their till), or null for anywhere. */
  store: string | null;
  password: string;
}

const DEMO_STAFF: ReadonlyArray<Omit<DemoStaffAccount, 'password'>> = [
  { name: 'Astrid Admin', email: 'admin@fjordfield.example', role: 'admin', store: null },
  {
    name: 'Milan Manager',
    email: 'manager@fjordfield.example',
    role: 'store_manager',
    store: 'store-amsterdam',
  },
  { name: 'Cleo Clerk', email: 'clerk@fjordfield.example', role: 'clerk', store: 'store-amsterdam' },
];

/** 16 characters a person can type from the start-up screen (no look-alikes needed: it is copied). */
const demoPassword = () => randomBytes(12).toString('base64url');

export async function createDemoStaff(
  ctx: Ctx,
  staff: Pick<StaffService, 'createMember'>,
  locations: Record<string, Location>,
): Promise<DemoStaffAccount[]> {
  const accounts: DemoStaffAccount[] = [];
  for (const s of DEMO_STAFF) {
    const location = s.store ? locations[s.store] : undefined;
    if (s.store && !location) continue;
    const password = demoPassword();
    await staff.createMember(ctx, {
      name: s.name,
      email: s.email,
      role: s.role,
      locationIds: location ? [location.id] : [],
      password,
    });
    accounts.push({ ...s, password });
  }
  return accounts;
}
