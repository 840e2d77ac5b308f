// Consent for outbound webhooks. An endpoint (or a rule's webhook action) with a purpose, e.g.
// marketing, forwards an event about a customer only when mayContact says yes for that purpose on
// the endpoint's channel (else the event's, else every channel, '*'); a no is kept in the delivery
// log as a 'suppressed' delivery with the reason. Endpoints may also carry the customer's consent in
// their payloads. The customers module answers through a port the composition root passes in.
import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';

export interface ConsentEntryLike {
  purpose: string;
  channel: string;
  status: 'granted' | 'denied' | 'revoked';
  at: Date;
}

/** What the customers module offers senders (flows/contact-consent adapts it). */
export interface ContactConsentPort {
  /** The customer's consent decisions (its merged cluster); null when unknown or erased. */
  consentState(
    ctx: Ctx,
    customerId: string,
  ): Promise<{ customerId: string; entries: ConsentEntryLike[]; suppressedAt: Date | null } | null>;
  /** The one decision function (customers' mayContact) over those entries (a suppression refuses all). */
  decide(
    entries: ConsentEntryLike[],
    purpose: string,
    channel: string,
    at: Date,
    suppressedAt: Date | null,
  ): { allowed: boolean; reason?: string; scope?: string; decidedAt?: Date };
}

/** The consent state as payloads carry it. */
export interface ConsentPayload {
  customerId: string;
  entries: Array<{ purpose: string; channel: string; status: string; at: string }>;
}

export type GateResult = { send: true; consent?: ConsentPayload | null } | { send: false; reason: string };

/** The customer an event is about: its payload's customerId or profileId, else a cus_ subject. */
export function customerOfEvent(event: StoredEvent): string | null {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  for (const v of [p.customerId, p.profileId, event.subject]) {
    if (typeof v === 'string' && v.startsWith('cus_')) return v;
  }
  return null;
}

/**
 * A gate for one batch of enqueues: consent states are read once per customer. Endpoints without a
 * purpose and without includeConsent never read anything.
 */
export function consentGate(ctx: Ctx, port: ContactConsentPort | undefined) {
  const states = new Map<string, ReturnType<ContactConsentPort['consentState']>>();
  const stateOf = (id: string) => {
    let s = states.get(id);
    if (!s) {
      s = port ? port.consentState(ctx, id) : Promise.resolve(null);
      states.set(id, s);
    }
    return s;
  };
  return async (
    endpoint: { purpose: string | null; includeConsent: boolean; channelId: string | null },
    event: StoredEvent,
    purposeOverride?: string | null,
  ): Promise<GateResult> => {
    const purpose = purposeOverride ?? endpoint.purpose;
    if (!purpose && !endpoint.includeConsent) return { send: true };
    const customerId = customerOfEvent(event);
    // Nothing about a person: no one to ask.
    if (!customerId) return endpoint.includeConsent ? { send: true, consent: null } : { send: true };
    if (purpose && !port) return { send: false, reason: 'consent: no consent source is configured' };
    const state = await stateOf(customerId);
    if (purpose) {
      if (!state) return { send: false, reason: `consent: customer ${customerId} is unknown or erased` };
      const channel = endpoint.channelId ?? event.channelId ?? '*';
      const d = port!.decide(state.entries, purpose, channel, ctx.clock.now(), state.suppressedAt);
      if (!d.allowed) {
        if (!d.decidedAt) return { send: false, reason: `consent: no ${purpose} consent for ${channel}` };
        return {
          send: false,
          reason: `consent: ${purpose} ${d.reason} on ${d.scope} at ${d.decidedAt.toISOString()} (asked for ${channel})`,
        };
      }
    }
    if (!endpoint.includeConsent) return { send: true };
    return {
      send: true,
      consent: state
        ? {
            customerId: state.customerId,
            entries: state.entries.map((e) => ({
              purpose: e.purpose,
              channel: e.channel,
              status: e.status,
              at: e.at.toISOString(),
            })),
          }
        : null,
    };
  };
}
