// Inbound connector rules: connectors hold the sender's secret and (generic) the JSONata mapping;
// each verified delivery is stored raw once per sender delivery id and announced on the event log,
// from where it is processed; processing ends as processed, or parked with the error for a retry.

import { randomBytes } from 'node:crypto';
import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent, appendEvents } from '../../platform/events/event-log.js';
import { checkJsonata } from '../../platform/jsonata.js';
import { createSecretBox, type SecretBox } from '../../platform/secrets/secret-box.js';
import {
  deleteConnectorRows,
  finishInboundDeliveries,
  finishInboundDelivery,
  selectConnector,
  selectConnectorHealth,
  selectConnectors,
  selectInboundDeliveries,
  selectInboundDeliveriesByIds,
  selectInboundDelivery,
  selectRef,
  upsertConnector,
  upsertRefs,
} from './inbound.repository.js';
import {
  type Connector,
  type ConnectorHealth,
  ConnectorInput,
  type ConnectorPatch,
  type ConnectorWithSecret,
  type InboundDelivery,
} from './inbound.types.js';
import {
  createConnectorCache,
  type DoorDelivery,
  type KeptConnector,
  storeAtDoor,
} from './inbound-receipt.js';
import { INTEGRATION_EVENTS } from './integrations.events.js';
import { newWebhookSecret } from './webhook-body.js';

const publicConnector = ({ secret: _s, ...rest }: ConnectorWithSecret): Connector => rest;

const checkMapping = (mapping: string | null | undefined) => checkJsonata(mapping, 'mapping');

export type ReceivedDelivery = DoorDelivery;

export interface InboundOptions {
  /** Seals connector secrets at rest when OMNIHUB_SECRETS_KEY is set (default: stored as given). */
  secrets?: SecretBox | undefined;
}

/** Inbound connectors: their verified raw deliveries (deduplicated), processing outcomes and source-id refs. */
export interface InboundService {
  /** Creates a connector; its signing secret is returned only here. */
  createConnector(ctx: Ctx, input: ConnectorInput): Promise<{ connector: Connector; secret: string }>;
  /** Changes a connector's settings or mapping. */
  updateConnector(ctx: Ctx, id: string, patch: ConnectorPatch): Promise<Connector>;
  /** Removes a connector with its stored deliveries and refs; later deliveries to it are refused (404). */
  deleteConnector(ctx: Ctx, id: string): Promise<void>;
  /** A connector without its secret, or 404. */
  getConnector(ctx: Ctx, id: string): Promise<Connector>;
  /** With the secret: for verifying deliveries only, never for a response. */
  findConnectorForVerification(ctx: Ctx, id: string): Promise<ConnectorWithSecret | undefined>;
  /** Every connector. */
  listConnectors(ctx: Ctx): Promise<Connector[]>;
  /** With the secret, kept in this process while active: for verifying deliveries only. */
  connectorForReceipt(ctx: Ctx, id: string, fresh?: boolean): Promise<KeptConnector | undefined>;
  /**
   * Stores a verified delivery once, in one statement; a repeated sender id is a duplicate and
   * changes nothing; `changed`: the connector is not the verified version any more (read it again).
   */
  receive(
    ctx: Ctx,
    d: DoorDelivery,
  ): Promise<{ delivery: InboundDelivery; duplicate: boolean } | { changed: true }>;
  /** A delivery, or undefined (its connector was deleted). */
  findDelivery(ctx: Ctx, id: string): Promise<InboundDelivery | undefined>;
  /** A delivery, or 404. */
  getDelivery(ctx: Ctx, id: string): Promise<InboundDelivery>;
  /** Several deliveries by id in one read, in no particular order (missing ids are left out). */
  getDeliveries(ctx: Ctx, ids: string[]): Promise<InboundDelivery[]>;
  /** A page of a connector's deliveries, newest first, of one status when given. */
  listDeliveries(
    ctx: Ctx,
    connectorId: string,
    q: { status?: string | undefined; before?: string | undefined; limit: number },
  ): Promise<{ items: InboundDelivery[]; next: string | null }>;
  /** Records how processing ended, with its event, in one transaction. */
  finish(
    ctx: Ctx,
    d: InboundDelivery,
    outcome: { status: 'processed' | 'parked'; error?: string | undefined; result?: unknown },
  ): Promise<void>;
  /** finish for several deliveries in one transaction of two statements. */
  finishMany(
    ctx: Ctx,
    list: Array<{
      delivery: InboundDelivery;
      status: 'processed' | 'parked';
      error?: string | undefined;
      result?: unknown;
    }>,
  ): Promise<void>;
  /** Sends a parked delivery through processing again (after fixing a mapping or the data). */
  retryParked(ctx: Ctx, id: string): Promise<InboundDelivery>;
  /** Remembers which of our records each external id of a kind became. */
  saveRefs(
    ctx: Ctx,
    connectorId: string,
    kind: string,
    pairs: Array<{ externalId: string; value: string }>,
  ): Promise<void>;
  /** Our record behind an external id of a kind, or undefined. */
  lookupRef(ctx: Ctx, connectorId: string, kind: string, externalId: string): Promise<string | undefined>;
  /** Each connector's counts of received, processed and parked deliveries. */
  health(ctx: Ctx): Promise<ConnectorHealth[]>;
}

export function createInboundService(opts: InboundOptions = {}): InboundService {
  const box = opts.secrets ?? createSecretBox(undefined);
  const kept = createConnectorCache(box);
  const finishMany: InboundService['finishMany'] = async (ctx, list) => {
    if (list.length === 0) return;
    await inTransaction(ctx, async (tx) => {
      await finishInboundDeliveries(
        tx.db,
        list.map((f) => ({
          id: f.delivery.id,
          status: f.status,
          error: f.error ?? null,
          result: f.result,
        })),
        ctx.clock.now(),
      );
      await appendEvents(
        tx,
        list.map(({ delivery: d, status, error }) => ({
          type:
            status === 'processed' ? INTEGRATION_EVENTS.inboundProcessed : INTEGRATION_EVENTS.inboundParked,
          subject: d.id,
          payload: {
            deliveryId: d.id,
            connectorId: d.connectorId,
            topic: d.topic,
            ...(error ? { error: error.slice(0, 500) } : {}),
          },
        })),
      );
    });
  };

  async function load(ctx: Ctx, id: string): Promise<ConnectorWithSecret> {
    const c = await selectConnector(ctx.db, id, box);
    if (!c) throw notFound('connector', id);
    return c;
  }

  return {
    async createConnector(
      ctx: Ctx,
      input: ConnectorInput,
    ): Promise<{ connector: Connector; secret: string }> {
      const parsed = ConnectorInput.parse(input);
      checkMapping(parsed.mapping);
      if (parsed.kind === 'generic' && parsed.secret && !parsed.secret.startsWith('whsec_')) {
        throw new AppError(
          'validation_failed',
          'Generic connectors verify Standard Webhooks: use a whsec_ secret',
          {
            issues: [{ path: 'body.secret', message: 'a whsec_ secret' }],
          },
        );
      }
      const secret =
        parsed.secret ??
        (parsed.kind === 'generic' ? newWebhookSecret() : randomBytes(32).toString('base64url'));
      const now = ctx.clock.now();
      return inTransaction(ctx, async (tx) => {
        const c = await upsertConnector(
          tx.db,
          {
            id: newId('icn'),
            kind: parsed.kind,
            name: parsed.name,
            secret,
            mapping: parsed.mapping,
            channelId: parsed.channelId,
            locationId: parsed.locationId,
            status: 'active',
            createdAt: now,
            updatedAt: now,
          },
          box,
        );
        await appendEvent(tx, {
          type: INTEGRATION_EVENTS.connectorChanged,
          subject: c.id,
          channelId: c.channelId,
          payload: { connectorId: c.id, kind: c.kind, change: 'created' },
        });
        return { connector: publicConnector(c), secret };
      });
    },

    async updateConnector(ctx: Ctx, id: string, patch: ConnectorPatch): Promise<Connector> {
      checkMapping(patch.mapping);
      return inTransaction(ctx, async (tx) => {
        tx.afterCommit(() => kept.drop(id));
        const current = await load(tx, id);
        const c = await upsertConnector(tx.db, { ...current, ...patch, updatedAt: ctx.clock.now() }, box);
        await appendEvent(tx, {
          type: INTEGRATION_EVENTS.connectorChanged,
          subject: c.id,
          channelId: c.channelId,
          payload: { connectorId: c.id, kind: c.kind, change: 'updated', fields: Object.keys(patch) },
        });
        return publicConnector(c);
      });
    },

    async deleteConnector(ctx: Ctx, id: string): Promise<void> {
      await inTransaction(ctx, async (tx) => {
        tx.afterCommit(() => kept.drop(id));
        const current = await load(tx, id);
        await deleteConnectorRows(tx.db, id);
        await appendEvent(tx, {
          type: INTEGRATION_EVENTS.connectorChanged,
          subject: id,
          channelId: current.channelId,
          payload: { connectorId: id, kind: current.kind, change: 'deleted' },
        });
      });
    },

    getConnector: async (ctx: Ctx, id: string) => publicConnector(await load(ctx, id)),
    /** With the secret: for verifying deliveries only, never for a response. */
    findConnectorForVerification: (ctx: Ctx, id: string) => selectConnector(ctx.db, id, box),
    listConnectors: async (ctx: Ctx) => (await selectConnectors(ctx.db, box)).map(publicConnector),

    connectorForReceipt: (ctx: Ctx, id: string, fresh?: boolean) => kept.get(ctx, id, fresh),
    receive: (ctx: Ctx, d: DoorDelivery) => storeAtDoor(ctx, d),

    findDelivery: (ctx: Ctx, id: string) => selectInboundDelivery(ctx.db, id),
    getDelivery: async (ctx: Ctx, id: string): Promise<InboundDelivery> => {
      const d = await selectInboundDelivery(ctx.db, id);
      if (!d) throw notFound('inbound delivery', id);
      return d;
    },

    getDeliveries: (ctx: Ctx, ids: string[]) => selectInboundDeliveriesByIds(ctx.db, ids),

    async listDeliveries(
      ctx: Ctx,
      connectorId: string,
      q: { status?: string | undefined; before?: string | undefined; limit: number },
    ) {
      await load(ctx, connectorId);
      const items = await selectInboundDeliveries(ctx.db, { connectorId, ...q });
      return { items, next: items.length === q.limit ? (items[items.length - 1]?.id ?? null) : null };
    },

    /** Records how processing ended, with its event, in one transaction. */
    async finish(
      ctx: Ctx,
      d: InboundDelivery,
      outcome: { status: 'processed' | 'parked'; error?: string | undefined; result?: unknown },
    ): Promise<void> {
      await finishMany(ctx, [{ delivery: d, ...outcome }]);
    },

    finishMany,

    /** Sends a parked delivery through processing again (after fixing a mapping or the data). */
    async retryParked(ctx: Ctx, id: string): Promise<InboundDelivery> {
      return inTransaction(ctx, async (tx) => {
        const d = await selectInboundDelivery(tx.db, id);
        if (!d) throw notFound('inbound delivery', id);
        if (d.status !== 'parked') {
          throw new AppError(
            'delivery_not_parked',
            `Only parked deliveries can be retried; this one is ${d.status}`,
          );
        }
        if (d.rawBody === '') {
          throw new AppError(
            'delivery_body_cleared',
            'The raw body of this delivery was cleared after its retention (OMNIHUB_INBOUND_RETENTION_DAYS); ask the sender to send it again',
          );
        }
        await finishInboundDelivery(
          tx.db,
          id,
          { status: 'received', error: null, result: null },
          ctx.clock.now(),
        );
        await appendEvent(tx, {
          type: INTEGRATION_EVENTS.inboundReceived,
          subject: d.id,
          payload: { deliveryId: d.id, connectorId: d.connectorId, topic: d.topic, retry: true },
        });
        return { ...d, status: 'received', error: null };
      });
    },

    saveRefs: (
      ctx: Ctx,
      connectorId: string,
      kind: string,
      pairs: Array<{ externalId: string; value: string }>,
    ) => upsertRefs(ctx.db, connectorId, kind, pairs, ctx.clock.now()),
    lookupRef: (ctx: Ctx, connectorId: string, kind: string, externalId: string) =>
      selectRef(ctx.db, connectorId, kind, externalId),

    health: (ctx: Ctx) => selectConnectorHealth(ctx.db, ctx.clock.now()),
  };
}
