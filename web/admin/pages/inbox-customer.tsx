// The customer beside a conversation (flows/inbox/customer-panel.flow.ts): who they are and by which
// ids every channel knows them, their stage and tags, their orders of every channel with pickup
// status, and their active carts. The agent never has to ask what the customer already told.
import { useIntl } from '../../i18n/index.tsx';
import { Pill } from '../../ui/components.tsx';
import { Link } from '../../ui/router.tsx';

/** The panel as the API gives it (typed loosely there: it is the customers' single view in part). */
export interface PanelData {
  customer: {
    id: string;
    stage: string;
    identities: Array<{ type: string; value: string; trust: string }>;
    traits: Record<string, { value: unknown }>;
    tags: string[];
    orderCount: number;
  };
  orders: Array<{
    id: string;
    number: string;
    status: string;
    currency: string;
    totals: { grand: number };
    placedAt: string;
    channel: { name: string } | null;
    pickupStatus: string | null;
  }>;
  carts: Array<{ id: string; currency: string; lines: unknown[]; channelId: string }>;
}

function nameOf(panel: PanelData): string | null {
  const t = panel.customer.traits;
  const v = t.name?.value ?? [t.firstName?.value, t.lastName?.value].filter(Boolean).join(' ');
  return typeof v === 'string' && v ? v : null;
}

export function CustomerPanel({ panel }: { panel: PanelData | null }) {
  const intl = useIntl();
  if (!panel)
    return (
      <aside className="inbox-customer panel" aria-label={intl.t('inbox.customer')}>
        <p>{intl.t('inbox.noCustomer')}</p>
      </aside>
    );
  const { customer, orders, carts } = panel;
  return (
    <aside
      className="inbox-customer panel"
      aria-label={intl.t('inbox.customer')}
      data-testid="inbox-customer"
    >
      <h3>{nameOf(panel) ?? customer.id}</h3>
      <p>
        <Link to={`/customers/${customer.id}`}>{intl.t('inbox.openProfile')}</Link>
      </p>
      <p>
        {intl.t('inbox.stage')}: <Pill tone="info">{customer.stage}</Pill>{' '}
        {customer.tags.map((t) => (
          <Pill key={t}>#{t}</Pill>
        ))}
      </p>
      <h4>{intl.t('inbox.identities')}</h4>
      <ul className="plain">
        {customer.identities.map((i) => (
          <li key={`${i.type}:${i.value}`}>
            <small>{i.type}</small> {i.value}
          </li>
        ))}
      </ul>
      <h4>{intl.t('inbox.orders')}</h4>
      {orders.length === 0 ? <p className="hint">{intl.t('inbox.noOrders')}</p> : null}
      <ul className="plain">
        {orders.map((o) => (
          <li key={o.id}>
            <Link to={`/orders/${o.id}`}>{o.number}</Link> · {o.channel?.name ?? ''} · {o.status} ·{' '}
            {intl.money(o.totals.grand, o.currency)}
            {o.pickupStatus ? (
              <>
                {' '}
                <Pill tone="warn">{intl.t('inbox.pickup', { status: o.pickupStatus })}</Pill>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {carts.length > 0 ? (
        <>
          <h4>{intl.t('inbox.carts')}</h4>
          <ul className="plain">
            {carts.map((c) => (
              <li key={c.id}>
                {c.id} · {intl.t('inbox.cartLines', { count: c.lines.length })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
