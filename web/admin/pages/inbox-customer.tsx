// The customer beside a conversation (flows/inbox/customer-panel.flow.ts): who they are and by which
// ids every channel knows them, their stage and tags, their orders of every channel with pickup
// status, and their active carts. The agent never has to ask what the customer already told.
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { Pill } from '../../ui/components.tsx';
import { useAction } from '../../ui/data-table.tsx';
import { useSession } from '../../ui/key-gate.tsx';
import { Link } from '../../ui/router.tsx';

const CLOSED = new Set(['completed', 'cancelled', 'refunded']);
const MESSAGE_LANGUAGES = ['en', 'nl', 'es', 'sv', 'bg'] as const;

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

/**
 * Quick actions: the customer's pickup code, cart code or cart link sent as a reply on their last channel, in
 * the agent's language (the hub checks the order or cart is this customer's).
 */
function useQuickActions(conversationId: string, onSent: () => void) {
  const intl = useIntl();
  const { api } = useSession();
  const { run, notices } = useAction();
  const language = (MESSAGE_LANGUAGES as readonly string[]).includes(intl.lang)
    ? (intl.lang as (typeof MESSAGE_LANGUAGES)[number])
    : 'en';
  const path = { params: { path: { id: conversationId } } };
  return {
    notices,
    pickup: (orderId: string) =>
      run(async () => {
        await ok(
          api.POST('/api/inbox/conversations/{id}/actions/pickup-code', {
            ...path,
            body: { orderId, language },
          }),
        );
        onSent();
      }, intl.t('inbox.pickupCodeSent')),
    cart: (cartId: string) =>
      run(async () => {
        await ok(
          api.POST('/api/inbox/conversations/{id}/actions/cart-code', {
            ...path,
            body: { cartId, language },
          }),
        );
        onSent();
      }, intl.t('inbox.cartCodeSent')),
    cartLink: (cartId: string) =>
      run(async () => {
        await ok(
          api.POST('/api/inbox/conversations/{id}/actions/cart-link', {
            ...path,
            body: { cartId, language },
          }),
        );
        onSent();
      }, intl.t('inbox.cartLinkSent')),
  };
}

export function CustomerPanel({
  panel,
  conversationId,
  onSent,
}: {
  panel: PanelData | null;
  conversationId: string;
  onSent: () => void;
}) {
  const intl = useIntl();
  const actions = useQuickActions(conversationId, onSent);
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
      {actions.notices}
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
                {CLOSED.has(o.status) ? null : (
                  <button type="button" className="link" onClick={() => actions.pickup(o.id)}>
                    {intl.t('inbox.sendPickupCode')}
                  </button>
                )}
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
                {c.id} · {intl.t('inbox.cartLines', { count: c.lines.length })}{' '}
                <button type="button" className="link" onClick={() => actions.cart(c.id)}>
                  {intl.t('inbox.sendCartCode')}
                </button>{' '}
                <button type="button" className="link" onClick={() => actions.cartLink(c.id)}>
                  {intl.t('inbox.sendCartLink')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
