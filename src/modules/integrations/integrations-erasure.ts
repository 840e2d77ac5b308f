// Erasure in the integration layer. Raw inbound bodies that carry the person's identifiers (or
// produced their orders) are redacted in place: ids, SKUs, amounts and the topic stay for audit,
// names, contact and addresses go; a body that is not JSON is redacted as text. Outbound webhook
// bodies about the person's records are redacted the same way: a delivery still waiting sends the
// redacted body (signed at send time), a delivered one keeps only its log entry.
import type { Ctx } from '../../platform/context.js';
import {
  type ErasureSubject,
  matchableValues,
  type PersonalDataRegistry,
  redactJson,
  redactJsonText,
  redactText,
} from '../../platform/privacy/personal-data.js';
import {
  selectInboundOfPerson,
  selectWebhookBodiesOfPerson,
  updateInboundRedacted,
  updateWebhookBodies,
} from './integrations-erasure.repository.js';

export const INTEGRATIONS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'integrations',
  personal: [
    {
      table: 'inbound_deliveries',
      column: 'raw_body',
      erasure:
        'redacted when it carries an identifier or produced an erased order; cleared after the retention',
    },
    { table: 'inbound_deliveries', column: 'result', erasure: 'personal keys and values redacted' },
    { table: 'inbound_deliveries', column: 'error', erasure: 'personal values redacted' },
    { table: 'webhook_deliveries', column: 'body', erasure: 'redacted for events about erased records' },
    { table: 'webhook_deliveries', column: 'last_error', erasure: 'personal values redacted' },
  ],
  notPersonal: [
    { table: 'inbound_connectors', column: 'name', reason: "the connector's own name (a shop)" },
    { table: 'workflow_rules', column: 'name', reason: 'a rule name chosen by staff' },
  ],
};

export interface IntegrationsErasure {
  inboundDeliveriesRedacted: number;
  webhookDeliveriesRedacted: number;
}

export async function eraseIntegrationDataOfCustomer(
  ctx: Ctx,
  subject: ErasureSubject & { recordIds: string[] },
): Promise<IntegrationsErasure> {
  const identifiers = matchableValues(subject.identifiers);
  const values = matchableValues([...subject.identifiers, ...subject.personalValues]);
  const inbound = await selectInboundOfPerson(ctx.db, identifiers, subject.recordIds);
  await updateInboundRedacted(
    ctx.db,
    inbound.map((d) => ({
      id: d.id,
      rawBody: redactJsonText(d.raw_body, values),
      error: d.error === null ? null : redactText(d.error, values),
      result: redactJson(d.result, values),
    })),
  );
  const webhooks = await selectWebhookBodiesOfPerson(ctx.db, subject.recordIds, identifiers);
  await updateWebhookBodies(
    ctx.db,
    webhooks.map((d) => ({
      id: d.id,
      body: redactJsonText(d.body, values),
      lastError: d.last_error === null ? null : redactText(d.last_error, values),
    })),
  );
  return { inboundDeliveriesRedacted: inbound.length, webhookDeliveriesRedacted: webhooks.length };
}
