// Erasure of a customer's orders (every order of the erased profiles, and guest orders placed with
// their email or phone): contact details, delivery address, personal notes in the history and the
// metadata, and tracking numbers go; lines, SKUs, amounts, currency, status, dates and the ids
// stay, so accounting, stock and statistics still add up.
import type { Ctx } from '../../platform/context.js';
import {
  ERASED,
  type ErasureSubject,
  matchableValues,
  type PersonalDataRegistry,
  personalStringsIn,
  redactJson,
} from '../../platform/privacy/personal-data.js';
import { deleteNotesOfOrders } from './order-notes.js';
import {
  type OrderPersonalRow,
  redactFulfilmentTracking,
  selectOrderRecordsOfPerson,
  selectOrdersOfPerson,
  updateOrdersRedacted,
} from './orders-erasure.repository.js';

export const ORDERS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'orders',
  personal: [
    { table: 'orders', column: 'email', erasure: 'set to null' },
    { table: 'orders', column: 'phone', erasure: 'set to null' },
    {
      table: 'orders',
      column: 'delivery',
      erasure: 'address fields removed; type, method, pickup store and country stay',
    },
    { table: 'orders', column: 'history', erasure: 'reasons that repeat personal values are redacted' },
    { table: 'orders', column: 'metadata', erasure: 'personal keys and values redacted' },
    { table: 'order_fulfilments', column: 'tracking', erasure: 'tracking number removed, carrier stays' },
    { table: 'order_notes', column: 'text', erasure: 'deleted' },
  ],
  notPersonal: [
    {
      table: 'order_returns',
      column: 'created_by',
      reason: 'the staff key or account that booked the return',
    },
    { table: 'order_notes', column: 'created_by', reason: 'the staff key or account that wrote the note' },
  ],
};

export interface OrdersErasure {
  orderIds: string[];
  cartIds: string[];
  /** Emails and phones on the orders (a guest checkout's may differ from the profile's). */
  contacts: string[];
  /** Other personal values found on the orders (names, street lines), to redact where they repeat. */
  personalValues: string[];
  ordersRedacted: number;
}

/**
 * An address reduced to what is not personal: the country (tax and shipping statistics). The
 * required fields hold the marker, so an erased order still reads as a valid Order.
 */
function redactDelivery(delivery: Record<string, unknown>): Record<string, unknown> {
  const address = delivery.address as Record<string, unknown> | undefined;
  if (!address) return delivery;
  return {
    ...delivery,
    address: { line1: ERASED, postalCode: ERASED, city: ERASED, country: address.country },
  };
}

const contactsOf = (o: OrderPersonalRow): string[] =>
  [o.email, o.phone].filter((v): v is string => v !== null);

/** The GDPR export's part: every order of the person (by profile, email or phone) as stored. */
export async function exportOrdersOfCustomer(
  ctx: Ctx,
  subject: Pick<ErasureSubject, 'profileIds' | 'identifiers'>,
): Promise<Array<Record<string, unknown>>> {
  return selectOrderRecordsOfPerson(ctx.db, subject.profileIds, subject.identifiers);
}

export async function eraseOrdersOfCustomer(ctx: Ctx, subject: ErasureSubject): Promise<OrdersErasure> {
  const found = await selectOrdersOfPerson(ctx.db, subject.profileIds, subject.identifiers);
  const contacts = found.flatMap(contactsOf);
  const personalValues = found.flatMap((o) => [
    ...personalStringsIn(o.delivery),
    ...personalStringsIn(o.metadata),
  ]);
  const values = matchableValues([
    ...subject.identifiers,
    ...contacts,
    ...subject.personalValues,
    ...personalValues,
  ]);
  await updateOrdersRedacted(
    ctx.db,
    found.map((o) => ({
      id: o.id,
      delivery: redactDelivery(o.delivery),
      history: redactJson(o.history, values),
      metadata: redactJson(o.metadata, values),
    })),
    ctx.clock.now(),
  );
  const orderIds = found.map((o) => o.id);
  await redactFulfilmentTracking(ctx.db, orderIds);
  await deleteNotesOfOrders(ctx.db, orderIds);
  return {
    orderIds,
    cartIds: found.flatMap((o) => (o.cart_id ? [o.cart_id] : [])),
    contacts,
    personalValues,
    ordersRedacted: found.length,
  };
}
