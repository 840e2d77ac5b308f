// Sending, with every send-time rule in one place for every channel format: the consent of the
// purpose (and of the purpose on the format, e.g. marketing_email) asked at the moment of sending,
// the global suppression list, the frequency cap and the customer's quiet hours (marketing only). A
// refused message is never sent and the reason goes on the customer's timeline; a held one is
// rescheduled to the next allowed moment; a provider failure is retried, then failed, and a message
// is never sent twice (the send row is leased, its Message-ID is stable).
import { type ContactDecision, mayContact } from '../../modules/customers/index.js';
import {
  addressHash,
  cappedUntil,
  type MessageFormat,
  type MessagingSettings,
  PINNED_ADDRESS_VAR,
  quietUntil,
  type Rendered,
  type Send,
  type SendOutcome,
} from '../../modules/messaging/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { JourneysFlowDeps } from './deps.js';
import type { Leases } from './leases.js';
import { inParallel, widthFor } from './parallel.js';
import { createPushDelivery, isPermanentPush } from './push-delivery.js';

const RETRY_MS = [5_000, 30_000, 120_000, 600_000];
const ADDRESS_TYPES: Record<string, string[]> = {
  email: ['email'],
  sms: ['phone'],
  whatsapp: ['whatsapp_id', 'phone'],
};

type Consent = NonNullable<Awaited<ReturnType<JourneysFlowDeps['customers']['consentState']>>>;

/** The decision for a purpose on a format: the format's own purpose (marketing_email) governs when decided. */
export function decideConsent(
  consent: Consent,
  purpose: string,
  format: string,
  channel: string,
  at: Date,
): ContactDecision {
  const own = mayContact(consent.entries, `${purpose}_${format}`, channel, at, consent.suppressedAt);
  const general = mayContact(consent.entries, purpose, channel, at, consent.suppressedAt);
  const d = own.allowed || own.reason !== 'no_consent' ? own : general;
  // A service message (pickup ready) needs no opt-in: only a denial or a suppression stops it.
  if (!d.allowed && purpose === 'transactional' && d.reason === 'no_consent')
    return { allowed: true, purpose, channel, decidedAt: at, scope: '*' };
  return d;
}

/** A provider's answer that retrying cannot change: SMTP 5xx, push 4xx or gone, a platform's 4xx. */
function isPermanent(format: MessageFormat, err: unknown): boolean {
  if (format === 'push') return isPermanentPush(err);
  if (format === 'sms' || format === 'whatsapp') return (err as { retryable?: unknown }).retryable === false;
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

/** Sends leased at once: their reads and their outcomes' writes are a handful of statements. */
const PAGE = 50;

/** What became of one send: its row's outcome, a timeline entry, an address to suppress. */
interface Outcome {
  send: Send;
  row: SendOutcome;
  timeline?: { kind: string; properties: Record<string, unknown> };
  bounce?: string;
}

/** What one page of sends reads once, just before sending: consent, addresses, suppressions, templates. */
type Addresses = Array<{ type: string; value: string }> | null;
interface Page {
  consent: Map<string, Consent>;
  addresses: Map<string, Addresses>;
  suppressed: Map<string, string>;
  render: ReturnType<JourneysFlowDeps['messaging']['renderer']>;
  settings: MessagingSettings;
  ready: Partial<Record<MessageFormat, boolean>>;
}

export function createDelivery(deps: JourneysFlowDeps, leases: Leases) {
  const pushTo = createPushDelivery(deps);
  /** Whether a format can go out now: SMS and WhatsApp need a connected account (asked once per page). */
  async function readyFormats(ctx: Ctx): Promise<Partial<Record<MessageFormat, boolean>>> {
    const direct = async (f: 'sms' | 'whatsapp') => (await deps.direct?.[f]?.ready(ctx)) ?? false;
    const [sms, whatsapp] = await Promise.all([direct('sms'), direct('whatsapp')]);
    return { email: deps.mailer.configured, push: deps.push !== undefined, sms, whatsapp };
  }

  async function newPage(ctx: Ctx, sends: Send[], settings: MessagingSettings): Promise<Page> {
    const customers = [...new Set(sends.map((s) => s.customerId))];
    const [consent, addresses] = await Promise.all([
      deps.customers.consentStates(ctx, customers),
      deps.customers.identifiersOfCustomers(ctx, customers, ['email', 'phone', 'whatsapp_id']),
    ]);
    const all = [...addresses.values()].flatMap((l) => (l ?? []).map((i) => i.value));
    const pushes = sends.some((s) => s.formats.includes('push')) ? customers.map((c) => `push:${c}`) : [];
    const [suppressed, ready] = await Promise.all([
      deps.messaging.suppressionsOf(ctx, [...all, ...pushes]),
      readyFormats(ctx),
    ]);
    return { consent, addresses, suppressed, render: deps.messaging.renderer(ctx), settings, ready };
  }

  const done = (send: Send, row: Omit<SendOutcome, 'id'>, extra: Partial<Outcome> = {}): Outcome => ({
    send,
    row: { id: send.id, ...row },
    ...extra,
  });
  const refused = (send: Send, reason: string, format: string | null): Outcome =>
    done(
      send,
      { status: 'refused', reason, format },
      { timeline: { kind: 'message.refused', properties: { reason, format } } },
    );

  async function deliverOne(ctx: Ctx, send: Send, page: Page): Promise<Outcome> {
    const now = ctx.clock.now();
    if (send.vars.cartId) {
      const cart = await deps.carts.findCart(ctx, send.vars.cartId);
      if (cart?.status !== 'active') return done(send, { status: 'cancelled', reason: 'purchased' });
    }
    const consent = page.consent.get(send.customerId);
    if (!consent) return done(send, { status: 'refused', reason: 'customer_unknown' });
    const ids = page.addresses.get(send.customerId);
    const reasons: string[] = [];
    for (const format of send.formats as MessageFormat[]) {
      const address = await addressOf(ctx, send, format, ids);
      if (!address) continue;
      if (!page.ready[format]) {
        reasons.push(`${format}:not_connected`);
        continue;
      }
      const d = decideConsent(consent, send.purpose, format, send.channelId ?? '*', now);
      if (!d.allowed) {
        reasons.push(`${format}:${d.reason}`);
        continue;
      }
      const suppressed = page.suppressed.get(address);
      if (suppressed) {
        reasons.push(`${format}:suppressed_${suppressed}`);
        continue;
      }
      const held = send.purpose === 'marketing' ? await holdUntil(ctx, send, format, page.settings) : null;
      if (held) return done(send, { status: 'queued', reason: held.reason, dueAt: held.until });
      return transmit(ctx, send, format, address, page);
    }
    return refused(send, reasons.join(', ') || 'no_address', null);
  }
  /**
   * Where a format reaches the customer: their first address of its types, or, for a send pinned to
   * an address typed in, that address only while it is still theirs (not a push device, not another
   * address of a shared profile).
   */
  async function addressOf(ctx: Ctx, send: Send, format: MessageFormat, ids: Addresses | undefined) {
    const pinned = send.vars[PINNED_ADDRESS_VAR];
    if (format === 'push') return pinned ? undefined : pushAddress(ctx, send.customerId);
    const theirs = ids?.filter((i) => ADDRESS_TYPES[format]?.includes(i.type)) ?? [];
    return (pinned ? theirs.find((i) => addressHash(i.value) === pinned) : theirs[0])?.value;
  }
  /** A customer with a push subscription is reachable by push (the suppression list keys on the id). */
  async function pushAddress(ctx: Ctx, customerId: string): Promise<string | undefined> {
    const subs = await deps.messaging.pushSubscriptionsOf(ctx, customerId);
    return subs.length > 0 ? `push:${customerId}` : undefined;
  }

  async function holdUntil(ctx: Ctx, send: Send, format: MessageFormat, settings: MessagingSettings) {
    const now = ctx.clock.now();
    const subject = (await deps.customers.subjects(ctx, [send.customerId], { facts: true })).get(
      send.customerId,
    );
    const tz =
      typeof subject?.traits.timezone === 'string' ? subject.traits.timezone : settings.rules.defaultTimeZone;
    const capped = cappedUntil(
      await deps.messaging.sentSince(ctx, send.customerId, format, new Date(now.getTime() - 86_400_000)),
      settings.rules.capPerDay[format],
    );
    const quiet = quietUntil(capped ?? now, tz, settings.rules.quietHours);
    if (quiet) return { until: quiet, reason: 'quiet_hours' };
    if (capped) return { until: capped, reason: 'frequency_cap' };
    return null;
  }

  async function transmit(
    ctx: Ctx,
    send: Send,
    format: MessageFormat,
    address: string,
    page: Page,
  ): Promise<Outcome> {
    const locale = send.vars.locale ?? 'en';
    let segments: number | undefined;
    let providerMessageId: string | null = null;
    try {
      const rendered = await page.render({
        key: send.templateKey,
        format,
        locale,
        stage: '*',
        values: send.vars,
      });
      if (format === 'push') await pushTo(ctx, send, rendered);
      else if (format === 'sms' || format === 'whatsapp') {
        segments = rendered.sms?.segments;
        // Its delivery reports (Twilio's status callback) find the send by the provider's id.
        ({ externalId: providerMessageId } = await deps.direct![format]!.send(ctx, {
          to: address,
          text: rendered.text,
          // SMS is free text; WhatsApp outside the 24 h window takes only an approved template.
          template: format === 'whatsapp' ? rendered.whatsapp : null,
        }));
      } else await mailTo(ctx, send, address, rendered);
    } catch (err) {
      const reason = `provider: ${(err as Error).message}`.slice(0, 300);
      const permanent = isPermanent(format, err);
      const code = (err as { responseCode?: number }).responseCode;
      const bounce = format === 'email' && permanent && code !== 503 ? address : undefined;
      if (permanent || send.attempts >= RETRY_MS.length)
        return done(
          send,
          { status: 'failed', reason, format, attempted: true },
          {
            timeline: { kind: 'message.failed', properties: { format, reason } },
            ...(bounce ? { bounce } : {}),
          },
        );
      const dueAt = new Date(ctx.clock.now().getTime() + RETRY_MS[send.attempts]!);
      return done(send, { status: 'queued', reason, dueAt, attempted: true }, bounce ? { bounce } : {});
    }
    return done(
      send,
      { status: 'sent', reason: null, format, sentAt: ctx.clock.now(), attempted: true, providerMessageId },
      {
        timeline: {
          kind: 'message.sent',
          // An SMS's segment count is what the provider bills.
          properties: { format, locale: send.vars.locale, ...(segments ? { segments } : {}) },
        },
      },
    );
  }

  async function mailTo(ctx: Ctx, send: Send, address: string, rendered: Rendered): Promise<void> {
    const headers: Record<string, string> = {};
    if (send.purpose === 'marketing') {
      const token = await deps.messaging.unsubscribeToken(ctx, send.customerId, send.purpose);
      headers['List-Unsubscribe'] = `<${deps.baseUrl()}/unsubscribe/${token}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    await deps.mailer.send({
      to: address,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html ?? undefined,
      messageId: `<${send.id}@omnihub>`,
      headers,
    });
  }

  /** The page's outcomes in one transaction: the rows this node still holds, their timeline entries. */
  async function record(ctx: Ctx, outcomes: Outcome[]): Promise<void> {
    for (const o of outcomes) if (o.bounce) await deps.messaging.suppress(ctx, o.bounce, 'bounce');
    await inTransaction(ctx, async (tx) => {
      const written = await deps.messaging.finishSends(
        tx,
        outcomes.map((o) => o.row),
        leases.owner,
      );
      if (written.size < outcomes.length)
        ctx.log.warn(
          { lost: outcomes.length - written.size },
          'sends finished after their lease was taken over',
        );
      const at = tx.clock.now();
      await deps.customers.recordTimelineEntries(
        tx,
        outcomes.flatMap(({ send, timeline }) =>
          timeline && written.has(send.id)
            ? [
                {
                  customerId: send.customerId,
                  entry: {
                    kind: timeline.kind,
                    channelId: send.channelId,
                    occurredAt: at,
                    ref: `${send.id}:${timeline.kind}`,
                    properties: { template: send.templateKey, purpose: send.purpose, ...timeline.properties },
                  },
                },
              ]
            : [],
        ),
      );
    });
  }

  return {
    /** Sends every due message (pages of 50, over the mailer's pooled connections); returns how many it handled. */
    async deliverDue(ctx: Ctx): Promise<number> {
      let handled = 0;
      const settings = await deps.messaging.settings(ctx);
      for (;;) {
        const due = await deps.messaging.claimDueSends(ctx, PAGE, leases.owner);
        for (const s of due) leases.sends.add(s.id);
        try {
          if (due.length) {
            const page = await newPage(ctx, due, settings);
            const outcomes: Outcome[] = [];
            await inParallel(due, widthFor(ctx, 16), async (send) => {
              outcomes.push(await deliverOne(ctx, send, page));
            });
            await record(ctx, outcomes);
          }
        } finally {
          for (const s of due) leases.sends.delete(s.id);
        }
        handled += due.length;
        if (due.length < PAGE) break;
      }
      return handled;
    },
  };
}
