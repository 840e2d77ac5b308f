// Erasure of a customer's carts. Carts are redacted, not deleted: an active cart's lines hold
// stock reservations (owned by inventory) that must run out or be released the usual way, and a
// checked-out cart is the order's origin. What identifies the person goes.
import type { Ctx } from '../../platform/context.js';
import {
  type ErasureSubject,
  type PersonalDataRegistry,
  personalStringsIn,
} from '../../platform/privacy/personal-data.js';
import {
  clearCartsPersonalData,
  selectCartRecordsOfPerson,
  selectCartsOfPerson,
} from './carts-erasure.repository.js';

export const CARTS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'carts',
  personal: [
    { table: 'carts', column: 'email', erasure: 'set to null' },
    { table: 'carts', column: 'phone', erasure: 'set to null' },
    { table: 'carts', column: 'anonymous_id', erasure: 'set to null (a device id)' },
    { table: 'carts', column: 'delivery', erasure: 'a shipping address is removed (delivery set to null)' },
    {
      table: 'till_sales',
      column: 'name',
      erasure: 'set to null (a parked sale may be named after its customer)',
    },
  ],
};

export interface CartsErasure {
  cartIds: string[];
  /** Emails, phones and device ids on the carts. */
  contacts: string[];
  /** Address lines and names found on the carts, to redact where they repeat. */
  personalValues: string[];
  cartsRedacted: number;
}

/** The GDPR export's part: every cart of the person (by profile, contact or device id) as stored. */
export async function exportCartsOfCustomer(
  ctx: Ctx,
  subject: Pick<ErasureSubject, 'profileIds' | 'identifiers'>,
): Promise<Array<Record<string, unknown>>> {
  return selectCartRecordsOfPerson(ctx.db, subject);
}

export async function eraseCartsOfCustomer(
  ctx: Ctx,
  subject: ErasureSubject & { cartIds: string[] },
): Promise<CartsErasure> {
  const found = await selectCartsOfPerson(ctx.db, subject);
  const cartIds = found.map((c) => c.id);
  await clearCartsPersonalData(ctx.db, cartIds, ctx.clock.now());
  const contacts = found.flatMap((c) =>
    [c.email, c.phone, c.anonymous_id].filter((v): v is string => v !== null),
  );
  const personalValues = found.flatMap((c) => personalStringsIn(c.delivery));
  return { cartIds, contacts, personalValues, cartsRedacted: found.length };
}
