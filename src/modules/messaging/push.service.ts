// Web push of messaging: the hub's VAPID key pair (P-256, made once on first use, the private key
// sealed with the secret box) and the shoppers' push subscriptions, one per browser endpoint.
import { createECDH } from 'node:crypto';
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import type { ErasureSubject } from '../../platform/privacy/personal-data.js';
import { createSecretBox, type SecretBox } from '../../platform/secrets/secret-box.js';
import * as repo from './push.repository.js';

export type { PushSubscription } from './push.repository.js';

export interface VapidKeys {
  /** The uncompressed P-256 public key, base64url (the storefront's applicationServerKey). */
  publicKey: string;
  privateKey: string;
}

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushService {
  /** The hub's VAPID key pair, made and stored on first use. */
  vapidKeys(ctx: Ctx): Promise<VapidKeys>;
  savePushSubscription(
    ctx: Ctx,
    customerId: string,
    channelId: string | null,
    input: PushSubscriptionInput,
  ): Promise<repo.PushSubscription>;
  /** Removes an endpoint of the customer (someone else's endpoint is left alone); true if it went. */
  removePushSubscription(ctx: Ctx, customerId: string, endpoint: string): Promise<boolean>;
  pushSubscriptionsOf(ctx: Ctx, customerId: string): Promise<repo.PushSubscription[]>;
  /** The push service said the endpoint is gone (404/410): forget it. */
  forgetPushEndpoint(ctx: Ctx, endpoint: string): Promise<void>;
}

const WHERE_PRIVATE = 'messaging_push_keys.private_key:default';

function newVapidKeys(): VapidKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: ecdh.getPrivateKey().toString('base64url'),
  };
}

export function createPushService(deps: { secrets?: SecretBox | undefined } = {}): PushService {
  const box = deps.secrets ?? createSecretBox(undefined);
  return {
    async vapidKeys(ctx) {
      let row = await repo.selectPushKeys(ctx.db);
      if (!row) {
        const made = newVapidKeys();
        await repo.insertPushKeys(ctx.db, {
          publicKey: made.publicKey,
          privateKey: box.seal(made.privateKey, WHERE_PRIVATE),
          now: ctx.clock.now(),
        });
        row = (await repo.selectPushKeys(ctx.db))!;
      }
      return { publicKey: row.public_key, privateKey: box.open(row.private_key, WHERE_PRIVATE) };
    },
    savePushSubscription: (ctx, customerId, channelId, input) =>
      repo.upsertSubscription(ctx.db, {
        id: newId('psub'),
        customerId,
        channelId,
        endpoint: input.endpoint,
        keys: input.keys,
        now: ctx.clock.now(),
      }),
    async removePushSubscription(ctx, customerId, endpoint) {
      return (await repo.deleteSubscription(ctx.db, endpoint, customerId)) > 0;
    },
    pushSubscriptionsOf: (ctx, customerId) => repo.selectSubscriptions(ctx.db, customerId),
    async forgetPushEndpoint(ctx, endpoint) {
      await repo.deleteSubscription(ctx.db, endpoint);
    },
  };
}

/** Erasure of a customer: their browsers' push subscriptions go (the erasure flow calls it). */
export async function erasePushSubscriptions(ctx: Ctx, subject: ErasureSubject): Promise<number> {
  return repo.deleteSubscriptionsOfCustomers(ctx.db as Executor, subject.profileIds);
}
