// An order's timeline in words: every `order.*` event of its subject as a sentence in the page's
// language ("Shipped from Warehouse Utrecht with PostNL, tracking 3SABC"), never the raw event name.
import { type MessageKey, useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Empty, ErrorNotice, useLoad } from '../../ui/components.tsx';
import { useApi } from '../../ui/key-gate.tsx';

const SENTENCES: Record<string, MessageKey> = {
  'order.created': 'orderEvent.created',
  'order.imported': 'orderEvent.imported',
  'order.pending': 'orderEvent.pending',
  'order.paid': 'orderEvent.paid',
  'order.allocated': 'orderEvent.allocated',
  'order.fulfilment_planned': 'orderEvent.fulfilmentPlanned',
  'order.partially_fulfilled': 'orderEvent.partiallyFulfilled',
  'order.fulfilled': 'orderEvent.fulfilled',
  'order.completed': 'orderEvent.completed',
  'order.cancelled': 'orderEvent.cancelled',
  'order.refunded': 'orderEvent.refunded',
  'order.ready_for_pickup': 'orderEvent.readyForPickup',
  'order.picked_up': 'orderEvent.pickedUp',
  'order.handed_over': 'orderEvent.handedOver',
  'order.shipped': 'orderEvent.shipped',
  'order.returned': 'orderEvent.returned',
  'order.customer_linked': 'orderEvent.customerLinked',
  'order.pickup_expired': 'orderEvent.pickupExpired',
  'order.note_added': 'orderEvent.noteAdded',
  'order.refund_issued': 'orderEvent.refundIssued',
  'order.confirmation_sent': 'orderEvent.confirmationSent',
};

type EventData = {
  locationId?: string;
  reason?: string | null;
  amount?: number;
  refundAmount?: number;
  tracking?: { carrier?: string; trackingNumber?: string } | null;
};

export function OrderTimeline({
  orderId,
  currency,
  version,
  locationName,
}: {
  orderId: string;
  currency: string;
  /** Changes when the order changed, to read the log again. */
  version: number;
  locationName(id: string): string;
}) {
  const intl = useIntl();
  const api = useApi();
  const events = useLoad(
    () =>
      ok(api.GET('/api/events', { params: { query: { subject: orderId, types: 'order.*', limit: 200 } } })),
    [orderId, version],
  );
  const items = events.data?.items ?? [];
  const sentence = (type: string, raw: unknown) => {
    const d = (raw ?? {}) as EventData;
    const key = SENTENCES[type] ?? 'orderEvent.other';
    const carrier = d.tracking?.carrier ?? '';
    const tracking = d.tracking?.trackingNumber ?? '';
    return intl.t(key, {
      location: d.locationId ? locationName(d.locationId) : '',
      reason: d.reason ?? '',
      amount: intl.money(d.amount ?? d.refundAmount ?? 0, currency),
      carrier,
      tracking,
      hasTracking: tracking ? 'yes' : 'no',
    });
  };
  return (
    <>
      <ErrorNotice error={events.error} />
      {events.data && items.length === 0 ? <Empty /> : null}
      <ol className="timeline" data-testid="order-timeline" reversed>
        {items
          .slice()
          .reverse()
          .map((e) => (
            <li key={e.id} data-event-type={e.type}>
              <time dateTime={e.time}>{intl.date(e.time)}</time> · {sentence(e.type, e.data)}
            </li>
          ))}
      </ol>
    </>
  );
}
