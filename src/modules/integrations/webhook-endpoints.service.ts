// Webhook endpoints: created, changed, secrets rotated (the old one signs on for a grace period),
// deleted and test-sent; each change is an event. A channel-bound key sees its channel's only.

import { newId, notFound } from '../../kernel/index.js';
import { createLogCachedValue } from '../../platform/cache/log-cached-value.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { checkJsonata } from '../../platform/jsonata.js';
import { createSecretBox } from '../../platform/secrets/secret-box.js';
import { INTEGRATION_EVENTS } from './integrations.events.js';
import {
  type ClaimedDelivery,
  type Endpoint,
  EndpointInput,
  type EndpointPatch,
  type EndpointWithSecrets,
} from './integrations.types.js';
import { newWebhookSecret, renderBody, type WebhooksDeps } from './webhook-body.js';
import {
  deleteEndpointRow,
  insertEndpoint as insertEndpointRow,
  selectEndpoint,
  selectEndpoints,
  updateEndpointRow as updateEndpointStored,
} from './webhook-endpoints.repository.js';
import { endpointSecrets } from './webhook-secrets.js';
import { testDeliveryOf, testEventFor } from './webhook-test.js';

export const publicEndpoint = (e: EndpointWithSecrets): Endpoint => {
  const { secret: _s, previousSecret: _p, previousSecretExpiresAt: _x, ...rest } = e;
  return rest;
};

const checkTransform = (expr: string | null | undefined) => checkJsonata(expr, 'transform');

/** Reads and writes of endpoints shared by their admin and the delivery queue. */
export type EndpointAccess = ReturnType<typeof endpointAccess>;

/** How stale the kept active endpoints may get when a change came without an event (by hand in SQL). */
export const ACTIVE_ENDPOINTS_MAX_AGE_MS = 10_000;

export function endpointAccess(deps: WebhooksDeps) {
  const secrets = endpointSecrets(deps.secrets ?? createSecretBox(undefined));
  const insertEndpoint = (exec: Executor, e: EndpointWithSecrets) => insertEndpointRow(exec, secrets.seal(e));
  const updateEndpointRow = (exec: Executor, e: EndpointWithSecrets) =>
    updateEndpointStored(exec, secrets.seal(e));

  async function load(ctx: Ctx, id: string, forUpdate = false): Promise<EndpointWithSecrets> {
    const e = await selectEndpoint(ctx.db, id, forUpdate);
    if (!e || (ctx.actor.channelId && e.channelId !== ctx.actor.channelId))
      throw notFound('webhook endpoint', id);
    return secrets.open(e);
  }

  // Read by every fan-out batch (it was one statement per batch), changed rarely: kept in memory.
  const activeEndpoints = createLogCachedValue({
    changeTypes: [INTEGRATION_EVENTS.endpointChanged],
    maxAgeMs: ACTIVE_ENDPOINTS_MAX_AGE_MS,
    load: (ctx) => selectEndpoints(ctx.db, { activeOnly: true }),
  });

  /** Every endpoint change goes through here: its event (other nodes drop their copy on reading it). */
  async function changed(tx: Ctx, e: EndpointWithSecrets, what: string) {
    tx.afterCommit(() => activeEndpoints.invalidate());
    await appendEvent(tx, {
      type: INTEGRATION_EVENTS.endpointChanged,
      subject: e.id,
      channelId: e.channelId,
      payload: { endpointId: e.id, change: what, status: e.status, url: e.url },
    });
  }

  return { secrets, insertEndpoint, updateEndpointRow, load, changed, activeEndpoints };
}

/** The endpoint half of the webhooks service. */
export function endpointAdmin(access: EndpointAccess, deps: WebhooksDeps) {
  const checkUrl = deps.checkTargetUrl ?? (async () => {});
  const { insertEndpoint, updateEndpointRow, load, changed } = access;
  return {
    async createEndpoint(ctx: Ctx, input: EndpointInput): Promise<{ endpoint: Endpoint; secret: string }> {
      const parsed = EndpointInput.parse(input);
      checkTransform(parsed.transform);
      await checkUrl(parsed.url);
      const now = ctx.clock.now();
      const secret = parsed.secret ?? newWebhookSecret();
      return inTransaction(ctx, async (tx) => {
        const created = await insertEndpoint(tx.db, {
          id: newId('whk'),
          url: parsed.url,
          description: parsed.description,
          types: parsed.types,
          channelId: ctx.actor.channelId ?? parsed.channelId,
          format: parsed.format,
          transform: parsed.transform,
          purpose: parsed.purpose,
          includeConsent: parsed.includeConsent,
          status: 'active',
          disabledReason: null,
          secret,
          previousSecret: null,
          previousSecretExpiresAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await changed(tx, created, 'created');
        return { endpoint: publicEndpoint(created), secret };
      });
    },

    async updateEndpoint(ctx: Ctx, id: string, patch: EndpointPatch): Promise<Endpoint> {
      checkTransform(patch.transform);
      if (patch.url) await checkUrl(patch.url);
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        const next: EndpointWithSecrets = { ...current, ...patch, updatedAt: ctx.clock.now() };
        if (patch.status === 'active') next.disabledReason = null;
        if (patch.status === 'disabled' && current.status === 'active')
          next.disabledReason = 'disabled by user';
        const updated = await updateEndpointRow(tx.db, next);
        await changed(tx, updated, 'updated');
        return publicEndpoint(updated);
      });
    },

    /** A new secret signs from now on; the old one keeps signing too until `graceSeconds` pass. */
    async rotateSecret(
      ctx: Ctx,
      id: string,
      opts: { secret?: string | undefined; graceSeconds?: number | undefined } = {},
    ): Promise<{ endpoint: Endpoint; secret: string; previousSecretExpiresAt: Date }> {
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        const now = ctx.clock.now();
        const expires = new Date(now.getTime() + (opts.graceSeconds ?? 24 * 3600) * 1000);
        const secret = opts.secret ?? newWebhookSecret();
        const updated = await updateEndpointRow(tx.db, {
          ...current,
          secret,
          previousSecret: current.secret,
          previousSecretExpiresAt: expires,
          updatedAt: now,
        });
        await changed(tx, updated, 'secret_rotated');
        return { endpoint: publicEndpoint(updated), secret, previousSecretExpiresAt: expires };
      });
    },

    async deleteEndpoint(ctx: Ctx, id: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        const current = await load(tx, id, true);
        await deleteEndpointRow(tx.db, id);
        await changed(tx, current, 'deleted');
      });
    },

    getEndpoint: async (ctx: Ctx, id: string): Promise<Endpoint> => publicEndpoint(await load(ctx, id)),

    async testDelivery(ctx: Ctx, endpointId: string): Promise<ClaimedDelivery> {
      const e = await load(ctx, endpointId);
      const event = testEventFor(ctx, e);
      // Consent is about a customer; a test is about none (null: included as "no customer").
      return testDeliveryOf(ctx, e, await renderBody(e, event, e.includeConsent ? null : undefined), event);
    },

    async listEndpoints(ctx: Ctx): Promise<Endpoint[]> {
      return (await selectEndpoints(ctx.db, { channelId: ctx.actor.channelId })).map(publicEndpoint);
    },
  };
}
