// Sending, with every send-time rule in one place for every channel format: the consent of the
// purpose (and of the purpose on the format, e.g. marketing_email) asked at the moment of sending,
// the global suppression list, the frequency cap and the customer's quiet hours (marketing only). A
// refused message is never sent and the reason goes on the customer's timeline; a held one is
// rescheduled to the next allowed moment; a provider failure is retried, then failed, and a message
// is never sent twice (the send row is leased, its Message-ID is stable).
import { type ContactDecision, mayContact } from '../../modules/customers/index.js';
import {
  cappedUntil,
  type MessageFormat,
  type MessagingSettings,
  quietUntil,
  type Rendered,
  type Send,
} from '../../modules/messaging/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { JourneysFlowDeps } from './deps.js';
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

export function createDelivery(deps: JourneysFlowDeps) {
  const senders: Partial<Record<MessageFormat, boolean>> = {
    email: deps.mailer.configured,
    push: deps.push !== undefined,
  };
  const pushTo = createPushDelivery(deps);

  async function timeline(ctx: Ctx, send: Send, kind: string, properties: Record<string, unknown>) {
    await deps.customers.recordTimelineEntry(ctx, send.customerId, {
      kind,
      channelId: send.channelId,
      occurredAt: ctx.clock.now(),
      ref: `${send.id}:${kind}`,
      properties: { template: send.templateKey, purpose: send.purpose, ...properties },
    });
  }

  async function refuse(ctx: Ctx, send: Send, reason: string, format: string | null) {
    await inTransaction(ctx, async (tx) => {
      await deps.messaging.finishSend(tx, send.id, { status: 'refused', reason, format });
      await timeline(tx, send, 'message.refused', { reason, format });
    });
  }

  async function deliverOne(ctx: Ctx, send: Send, settings: MessagingSettings): Promise<string> {
    const now = ctx.clock.now();
    if (send.vars.cartId) {
      const cart = await deps.carts.findCart(ctx, send.vars.cartId);
      if (cart?.status !== 'active') {
        await deps.messaging.finishSend(ctx, send.id, { status: 'cancelled', reason: 'purchased' });
        return 'cancelled';
      }
    }
    const consent = await deps.customers.consentState(ctx, send.customerId);
    if (!consent) {
      await deps.messaging.finishSend(ctx, send.id, { status: 'refused', reason: 'customer_unknown' });
      return 'refused';
    }
    const ids = (
      await deps.customers.identifiersOfCustomers(ctx, [send.customerId], ['email', 'phone', 'whatsapp_id'])
    ).get(send.customerId);
    const reasons: string[] = [];
    for (const format of send.formats as MessageFormat[]) {
      const address =
        format === 'push'
          ? await pushAddress(ctx, send.customerId)
          : ids?.find((i) => ADDRESS_TYPES[format]?.includes(i.type))?.value;
      if (!address) continue;
      if (!senders[format]) {
        reasons.push(`${format}:not_connected`);
        continue;
      }
      const d = decideConsent(consent, send.purpose, format, send.channelId ?? '*', now);
      if (!d.allowed) {
        reasons.push(`${format}:${d.reason}`);
        continue;
      }
      const suppressed = await deps.messaging.suppressionOf(ctx, address);
      if (suppressed) {
        reasons.push(`${format}:suppressed_${suppressed}`);
        continue;
      }
      const held = send.purpose === 'marketing' ? await holdUntil(ctx, send, format, settings) : null;
      if (held) {
        await deps.messaging.finishSend(ctx, send.id, {
          status: 'queued',
          reason: held.reason,
          dueAt: held.until,
        });
        return 'held';
      }
      return transmit(ctx, send, format, address);
    }
    await refuse(ctx, send, reasons.join(', ') || 'no_address', null);
    return 'refused';
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

  async function transmit(ctx: Ctx, send: Send, format: MessageFormat, address: string): Promise<string> {
    const rendered = await deps.messaging.render(ctx, {
      key: send.templateKey,
      format,
      locale: send.vars.locale ?? 'en',
      stage: '*',
      values: send.vars,
    });
    try {
      if (format === 'push') await pushTo(ctx, send, rendered);
      else await mailTo(ctx, send, address, rendered);
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      const reason = `provider: ${(err as Error).message}`.slice(0, 300);
      const permanent = format === 'push' ? isPermanentPush(err) : typeof code === 'number' && code >= 500;
      if (format === 'email' && permanent && code !== 503)
        await deps.messaging.suppress(ctx, address, 'bounce');
      if (permanent || send.attempts >= RETRY_MS.length) {
        await inTransaction(ctx, async (tx) => {
          await deps.messaging.finishSend(tx, send.id, { status: 'failed', reason, format, attempted: true });
          await timeline(tx, send, 'message.failed', { format, reason });
        });
        return 'failed';
      }
      const dueAt = new Date(ctx.clock.now().getTime() + RETRY_MS[send.attempts]!);
      await deps.messaging.finishSend(ctx, send.id, { status: 'queued', reason, dueAt, attempted: true });
      return 'retry';
    }
    return finishSent(ctx, send, format);
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

  async function finishSent(ctx: Ctx, send: Send, format: MessageFormat): Promise<string> {
    await inTransaction(ctx, async (tx) => {
      await deps.messaging.finishSend(tx, send.id, {
        status: 'sent',
        reason: null,
        format,
        sentAt: tx.clock.now(),
        attempted: true,
      });
      await timeline(tx, send, 'message.sent', { format, locale: send.vars.locale });
    });
    return 'sent';
  }

  return {
    /** Sends every due message (pages of 50); returns how many it handled. */
    async deliverDue(ctx: Ctx): Promise<number> {
      let handled = 0;
      const settings = await deps.messaging.settings(ctx);
      for (;;) {
        const due = await deps.messaging.claimDueSends(ctx, 50);
        await inParallel(due, widthFor(ctx, 4), async (send) => {
          await deliverOne(ctx, send, settings);
          handled++;
        });
        if (due.length < 50) break;
      }
      return handled;
    },
  };
}
