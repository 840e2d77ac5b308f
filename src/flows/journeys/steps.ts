// The sweeper of durable timers: leases due journey runs a page at a time, checks each step's
// condition (the cart is still there with lines), fills the message's values (the cart's handoff
// link and code, the total in the customer's language), decides consent for the whole page at once
// and, in one transaction for the page, moves the runs on and queues their sends (unique per run and
// step). Consent, caps and quiet hours are asked again when the message is sent.
import { formatMoney, money } from '../../kernel/index.js';
import type { Channel } from '../../modules/channels/index.js';
import type { ConsentState, CustomerSubject, TimelineEntryInput } from '../../modules/customers/index.js';
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
import type { Leases } from './leases.js';
import { inParallel, widthFor } from './parallel.js';

/** Runs leased at once: a page's reads and writes are a handful of statements, whatever its size. */
const PAGE = 200;

type StepValues = { values: Record<string, string> } | { exit: string };

/** What one page of due runs reads once (settings, channels, its customers). */
interface Page {
  settingsOf(key: JourneyKey): Promise<JourneySettings>;
  messaging(): Promise<MessagingSettings>;
  channel(id: string): Promise<Channel | undefined>;
  subjects: Map<string, CustomerSubject>;
  consent: Map<string, ConsentState>;
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

type Decision = {
  run: JourneyRun;
  exitReason?: string;
  send?: Parameters<JourneysFlowDeps['messaging']['queueSends']>[1][number];
  refusal?: { customerId: string; entry: TimelineEntryInput };
};

export function createSteps(deps: JourneysFlowDeps, leases: Leases) {
  async function newPage(ctx: Ctx, runs: JourneyRun[]): Promise<Page> {
    const customers = [...new Set(runs.map((r) => r.customerId))];
    const messaging = memo((_: 'all') => deps.messaging.settings(ctx));
    const [subjects, consent] = await Promise.all([
      deps.customers.subjects(ctx, customers, { facts: true }),
      deps.customers.consentStates(ctx, customers),
    ]);
    return {
      settingsOf: memo((k: JourneyKey) => deps.journeys.settingsOf(ctx, k)),
      messaging: () => messaging('all'),
      channel: memo((id: string) => deps.channels.findChannel(ctx, id)),
      subjects,
      consent,
    };
  }

  function localeOf(page: Page, customerId: string, channelLocales: string[]): string {
    const s = page.subjects.get(customerId);
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
    const locale = localeOf(page, run.customerId, channel?.locales ?? []);
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

  /** The run's own values (order number, tier, product), with a link into the channel's store where one fits. */
  async function runValues(ctx: Ctx, run: JourneyRun, page: Page, template: string): Promise<StepValues> {
    const channel = run.channelId ? await page.channel(run.channelId) : undefined;
    const locale = localeOf(page, run.customerId, channel?.locales ?? []);
    const { brand } = await page.messaging();
    const store = `${deps.baseUrl()}/store/${encodeURIComponent(channel?.code ?? '')}`;
    // The review request opens the order's review page: its signed link needs no sign-in.
    const review =
      template === 'review_request' && deps.reviewToken
        ? `${store}/review?token=${encodeURIComponent(await deps.reviewToken(ctx, run.ref))}&lang=${locale}`
        : undefined;
    const link =
      run.journey === 'back_in_stock'
        ? `${store}/p/${encodeURIComponent(run.vars.handle ?? '')}?lang=${locale}`
        : run.journey === 'post_purchase'
          ? (review ?? `${store}/account?lang=${locale}`)
          : undefined;
    return { values: { ...run.vars, locale, shop: brand.name, ...(link ? { link } : {}) } };
  }

  /** What a due run's step does: exit, or queue its message (refused at once when no format may carry it). */
  async function decide(ctx: Ctx, run: JourneyRun, page: Page): Promise<Decision> {
    const def = JOURNEYS[run.journey as JourneyKey];
    const step = def?.steps[run.step];
    if (!def || !step) return { run };
    const filled =
      run.journey === 'abandoned_cart'
        ? await cartValues(ctx, run, page)
        : await runValues(ctx, run, page, step.template);
    if ('exit' in filled) return { run, exitReason: filled.exit };
    const settings = await page.settingsOf(def.key);
    const consent = page.consent.get(run.customerId);
    const now = ctx.clock.now();
    const purpose = step.purpose ?? def.purpose;
    const refusals = settings.channelOrder.map((f) => {
      const d = consent ? decideConsent(consent, purpose, f, run.channelId ?? '*', now) : null;
      return d?.allowed ? null : `${f}:${d ? d.reason : 'customer_unknown'}`;
    });
    const refused = refusals.every((r) => r !== null) ? refusals.join(', ') : undefined;
    const send = {
      refused,
      customerId: run.customerId,
      runId: run.id,
      idemKey: `${run.id}:${run.step}`,
      templateKey: step.template,
      formats: settings.channelOrder,
      purpose,
      channelId: run.channelId,
      vars: filled.values,
      dueAt: now,
    };
    if (!refused) return { run, send };
    const properties = { template: step.template, purpose, reason: refused };
    const ref = `${run.id}:${run.step}:message.refused`;
    const entry = { kind: 'message.refused', channelId: run.channelId, occurredAt: now, ref, properties };
    return { run, send, refusal: { customerId: run.customerId, entry } };
  }

  /** One page: reads, then one transaction that moves the runs still ours and queues their sends. */
  async function actOn(ctx: Ctx, runs: JourneyRun[]): Promise<number> {
    const page = await newPage(ctx, runs);
    const decisions: Decision[] = [];
    await inParallel(runs, widthFor(ctx, 8), async (run) => {
      decisions.push(await decide(ctx, run, page));
    });
    return inTransaction(ctx, async (tx) => {
      const moved = await deps.journeys.advanceMany(tx, decisions, leases.owner);
      const mine = decisions.filter((d) => moved.has(d.run.id)); // not exited or taken over meanwhile
      const written = await deps.messaging.queueSends(
        tx,
        mine.flatMap((d) => (d.send ? [d.send] : [])),
      );
      // The refusals' timeline entries (the reason is on the send row too).
      await deps.customers.recordTimelineEntries(
        tx,
        mine.flatMap((d) => (d.refusal && written.has(d.send!.idemKey) ? [d.refusal] : [])),
      );
      return mine.filter((d) => d.send && !d.send.refused && written.has(d.send.idemKey)).length;
    });
  }

  return {
    /** Acts on every due run (in pages); returns how many messages it queued. */
    async sweep(ctx: Ctx): Promise<number> {
      let queued = 0;
      for (;;) {
        const due = await deps.journeys.claimDue(ctx, PAGE, leases.owner);
        for (const r of due) leases.runs.add(r.id);
        try {
          if (due.length) queued += await actOn(ctx, due);
        } finally {
          for (const r of due) leases.runs.delete(r.id);
        }
        if (due.length < PAGE) break;
      }
      if (queued) deps.wake?.sends();
      return queued;
    },
  };
}
