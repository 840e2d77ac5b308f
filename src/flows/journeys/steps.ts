// The sweeper of durable timers: leases due journey runs, checks the step's condition (the cart is
// still there with lines), fills the message's values (the cart's handoff link and code, the total in
// the customer's language) and queues the send (unique per run and step), then moves the run on, in
// one transaction per run. Consent, caps and quiet hours are asked later, when the message is sent.
import { formatMoney, money } from '../../kernel/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { TimelineEntryInput } from '../../modules/customers/index.js';
import {
  JOURNEYS,
  type JourneyKey,
  type JourneyRun,
  type JourneySettings,
} from '../../modules/journeys/index.js';
import { MESSAGE_LOCALES, type MessagingSettings } from '../../modules/messaging/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { decideConsent } from './deliver.js';
import type { JourneysFlowDeps } from './deps.js';
import { inParallel, widthFor } from './parallel.js';

type StepValues = { values: Record<string, string> } | { exit: string };

/** What one page of due runs reads once (settings, channels) and the timeline entries it writes at its end. */
interface Page {
  settingsOf(key: JourneyKey): Promise<JourneySettings>;
  messaging(): Promise<MessagingSettings>;
  channel(id: string): Promise<Channel | undefined>;
  timeline: Array<{ customerId: string; entry: TimelineEntryInput }>;
}

function memo<K, V>(load: (k: K) => Promise<V>): (k: K) => Promise<V> {
  const m = new Map<K, Promise<V>>();
  return (k) => {
    const known = m.get(k);
    if (known) return known;
    const v = load(k);
    m.set(k, v);
    return v;
  };
}

export function createSteps(deps: JourneysFlowDeps) {
  const newPage = (ctx: Ctx): Page => ({
    settingsOf: memo((k: JourneyKey) => deps.journeys.settingsOf(ctx, k)),
    messaging: (
      (m) => () =>
        m('all')
    )(memo((_: 'all') => deps.messaging.settings(ctx))),
    channel: memo((id: string) => deps.channels.findChannel(ctx, id)),
    timeline: [],
  });

  async function localeOf(ctx: Ctx, customerId: string, channelLocales: string[]): Promise<string> {
    const s = (await deps.customers.subjects(ctx, [customerId], { facts: true })).get(customerId);
    const wanted = [s?.traits.locale, s?.traits.language, ...channelLocales]
      .filter((l): l is string => typeof l === 'string')
      .map((l) => l.slice(0, 2).toLowerCase());
    return wanted.find((l) => (MESSAGE_LOCALES as readonly string[]).includes(l)) ?? 'en';
  }

  async function cartValues(ctx: Ctx, run: JourneyRun, page: Page): Promise<StepValues> {
    const cart = await deps.carts.findCart(ctx, run.ref);
    if (cart?.status !== 'active')
      return { exit: cart?.status === 'checked_out' ? 'purchased' : 'cart_gone' };
    if (cart.lines.length === 0) return { exit: 'cart_empty' };
    const channel = await page.channel(cart.channelId);
    const locale = await localeOf(ctx, run.customerId, channel?.locales ?? []);
    const { brand } = await page.messaging();
    return {
      values: {
        locale,
        shop: brand.name,
        itemCount: String(cart.lines.reduce((n, l) => n + l.quantity, 0)),
        total: formatMoney(money(cart.itemsTotal, cart.currency), locale),
        link: `${deps.baseUrl()}/store/${encodeURIComponent(channel?.code ?? '')}/cart?cart=${cart.id}&lang=${locale}`,
        handoffCode: cart.handoff.code,
        cartId: cart.id,
      },
    };
  }

  async function pickupValues(ctx: Ctx, run: JourneyRun, page: Page): Promise<StepValues> {
    const channel = run.channelId ? await page.channel(run.channelId) : undefined;
    const locale = await localeOf(ctx, run.customerId, channel?.locales ?? []);
    const { brand } = await page.messaging();
    return { values: { ...run.vars, locale, shop: brand.name } };
  }

  async function act(ctx: Ctx, run: JourneyRun, page: Page): Promise<boolean> {
    const def = JOURNEYS[run.journey as JourneyKey];
    const step = def?.steps[run.step];
    if (!def || !step) return deps.journeys.advance(ctx, run);
    const filled =
      run.journey === 'abandoned_cart'
        ? await cartValues(ctx, run, page)
        : await pickupValues(ctx, run, page);
    if ('exit' in filled) {
      await deps.journeys.advance(ctx, run, { exitReason: filled.exit });
      return false;
    }
    const settings = await page.settingsOf(def.key);
    // Consent is asked now (a message no format may carry is refused in the log, not queued) and
    // again at the moment of sending.
    const consent = await deps.customers.consentState(ctx, run.customerId);
    const now = ctx.clock.now();
    const refusals = settings.channelOrder.map((f) => {
      const d = consent ? decideConsent(consent, def.purpose, f, run.channelId ?? '*', now) : null;
      return d?.allowed ? null : `${f}:${d ? d.reason : 'customer_unknown'}`;
    });
    const refused = refusals.every((r) => r !== null) ? refusals.join(', ') : undefined;
    return inTransaction(ctx, async (tx) => {
      if (!(await deps.journeys.advance(tx, run))) return false; // exited meanwhile
      if (refused)
        page.timeline.push({
          customerId: run.customerId,
          entry: {
            kind: 'message.refused',
            channelId: run.channelId,
            occurredAt: now,
            ref: `${run.id}:${run.step}:message.refused`,
            properties: { template: step.template, purpose: def.purpose, reason: refused },
          },
        });
      return deps.messaging.queueSend(tx, {
        refused,
        customerId: run.customerId,
        runId: run.id,
        idemKey: `${run.id}:${run.step}`,
        templateKey: step.template,
        formats: settings.channelOrder,
        purpose: def.purpose,
        channelId: run.channelId,
        vars: filled.values,
        dueAt: ctx.clock.now(),
      });
    });
  }

  return {
    /** Acts on every due run (in pages of 100); returns how many messages it queued. */
    async sweep(ctx: Ctx): Promise<number> {
      let queued = 0;
      for (;;) {
        const due = await deps.journeys.claimDue(ctx, 100);
        const page = newPage(ctx);
        await inParallel(due, widthFor(ctx, 8), async (run) => {
          if (await act(ctx, run, page)) queued++;
        });
        // The refusals' timeline entries of the page in one transaction (the reason is on the send row too).
        await deps.customers.recordTimelineEntries(ctx, page.timeline);
        if (due.length < 100) break;
      }
      if (queued) deps.wake?.sends();
      return queued;
    },
  };
}
