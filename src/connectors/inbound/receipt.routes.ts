// POST /api/inbound/:connectorId — where Shopify, WooCommerce and generic senders deliver. The
// signature is checked on the raw bytes before anything is parsed (401, nothing stored); the
// sender's delivery id deduplicates; the raw delivery is stored and announced on the event log in
// one transaction and the sender gets its 200 at once; processing happens from the log.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldIssue, parseJsonLossless } from '../../kernel/index.js';
import type { InboundService } from '../../modules/integrations/index.js';
import type { Ctx } from '../../platform/context.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import { findTextProblems } from '../../platform/http/text-guard.js';
import { WIRE_ADAPTERS } from './adapters.js';
import { describeIssues, payloadIssues } from './payload-shapes.js';
import { keptHeaders, type WireAdapter } from './wire-adapter.js';

/**
 * Why a payload cannot be translated (not JSON, or not the shape its topic needs), or nothing. Such
 * a delivery is kept as `rejected` with this reason and the sender gets 400.
 */
function checkPayload(
  adapter: WireAdapter,
  topic: string,
  raw: Buffer,
): { malformed?: string; issues?: FieldIssue[]; payload?: unknown } {
  let payload: unknown;
  try {
    // As the processor reads it: ids beyond 2^53 are exact strings (the shapes take either).
    payload = parseJsonLossless(raw.toString('utf8'));
  } catch (err) {
    return { malformed: `the body is not valid JSON: ${(err as Error).message}` };
  }
  const issues = payloadIssues(adapter.payloadShape?.(topic, payload), payload);
  return issues.length ? { malformed: describeIssues(issues), issues } : { payload };
}

type Request = {
  ctx: Ctx;
  params: { connectorId: string };
  headers: IncomingHttpHeaders;
};

/** Verifies and stores one delivery against the connector as kept (or read afresh). */
async function receiveOnce(service: InboundService, request: Request, raw: Buffer, fresh: boolean) {
  const ctx = request.ctx;
  const connector = await service.connectorForReceipt(ctx, request.params.connectorId, fresh);
  if (!connector) throw new AppError('not_found', `There is no connector ${request.params.connectorId}`);
  const adapter = WIRE_ADAPTERS[connector.kind];
  if (adapter.isPing?.(request.headers, raw)) return { ok: true, ping: true };
  const nowSeconds = Math.floor(ctx.clock.now().getTime() / 1000);
  if (!adapter.verify(connector.secret, request.headers, raw, nowSeconds)) {
    throw new AppError('unauthenticated', 'The delivery signature is missing or does not match');
  }
  if (connector.status !== 'active') {
    throw new AppError('connector_paused', 'This connector is paused; deliver again later');
  }
  const envelope = adapter.envelope(request.headers, raw);
  if ('error' in envelope) throw new AppError('validation_failed', envelope.error);
  // What cannot be stored is refused before anything is: a NUL byte in the raw text, or an id
  // or topic the database cannot hold.
  const unstorable = [
    ...(raw.includes(0) ? [{ path: 'body', message: 'must not contain a NUL byte' }] : []),
    ...findTextProblems({ externalId: envelope.externalId, topic: envelope.topic }, 'headers'),
  ];
  if (unstorable.length)
    throw new AppError('validation_failed', 'The delivery cannot be stored', { issues: unstorable });
  const { malformed, issues, payload } = checkPayload(adapter, envelope.topic, raw);
  const stored = await service.receive(ctx, {
    connector,
    externalId: envelope.externalId,
    topic: envelope.topic,
    headers: keptHeaders(request.headers),
    rawBody: raw.toString('utf8'),
    malformed,
    key: malformed ? undefined : adapter.parallelKey?.(envelope.topic, payload),
  });
  if ('changed' in stored) return stored;
  const { delivery, duplicate } = stored;
  if (malformed && !duplicate) {
    throw issues
      ? new AppError('validation_failed', malformed, { issues, details: { deliveryId: delivery.id } })
      : new AppError('malformed_body', malformed, { details: { deliveryId: delivery.id } });
  }
  return { ok: true, deliveryId: delivery.id, duplicate };
}

export const inboundReceiptRoutes =
  (service: InboundService): FastifyPluginAsyncZod =>
  async (app) => {
    // This plugin's routes see the exact bytes the sender signed.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    app.post(
      '/inbound/:connectorId',
      {
        config: {
          policy: publicRoute(
            'inbound webhooks: the connector verifies the sender signature on the raw body',
          ),
        },
        schema: {
          tags: ['connectors'],
          summary: 'Receive a signed delivery from a connected source (Shopify, WooCommerce, generic JSON)',
          description:
            'Verified on the raw bytes (X-Shopify-Hmac-Sha256, X-WC-Webhook-Signature, or Standard Webhooks headers); 401 when the signature is missing or wrong, 400 when the body is malformed (the raw delivery is kept), 200 otherwise, also for a repeated delivery id.',
          params: z.object({ connectorId: z.string() }),
        },
      },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        // The kept connector is confirmed by the write; when it changed meanwhile, once more afresh.
        const first = await receiveOnce(service, request, raw, false);
        const r = 'changed' in first ? await receiveOnce(service, request, raw, true) : first;
        if ('changed' in r) throw new AppError('connector_paused', 'This connector changed; deliver again');
        return reply.code(200).send(r);
      },
    );
  };
