// SQL of messaging: settings, templates, the send log with its leases, suppressions.
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { messagingSends, messagingSettings, messagingTemplates } from './messaging.schema.js';
import type { MessageFormat, MessageLocale, Template, TemplateInput } from './messaging.types.js';

export interface Send {
  id: string;
  customerId: string;
  runId: string | null;
  templateKey: string;
  formats: MessageFormat[];
  format: MessageFormat | null;
  purpose: string;
  channelId: string | null;
  vars: Record<string, string>;
  status: 'queued' | 'sent' | 'refused' | 'failed' | 'cancelled';
  dueAt: Date;
  attempts: number;
  reason: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** The provider's id of the message (Twilio's MessageSid), once handed over. */
  providerMessageId: string | null;
  /** What the provider reported last: sent, delivered, undelivered, failed, read. */
  deliveryStatus: DeliveryStatus | null;
}

/** A provider's report on a message it was handed, in the order they can follow one another. */
export const DELIVERY_STATUSES = ['sent', 'delivered', 'undelivered', 'failed', 'read'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

type SendRow = SqlRow<typeof messagingSends>;
const toSend = (r: SendRow): Send => ({
  id: r.id,
  customerId: r.customer_id,
  runId: r.run_id,
  templateKey: r.template_key,
  formats: r.formats as MessageFormat[],
  format: r.format as MessageFormat | null,
  purpose: r.purpose,
  channelId: r.channel_id,
  vars: r.vars,
  status: r.status as Send['status'],
  dueAt: new Date(r.due_at),
  attempts: r.attempts,
  reason: r.reason,
  createdAt: new Date(r.created_at),
  sentAt: r.sent_at ? new Date(r.sent_at) : null,
  providerMessageId: r.provider_message_id,
  deliveryStatus: r.delivery_status as DeliveryStatus | null,
});

export async function selectSettings(exec: Executor) {
  return firstRow<SqlRow<typeof messagingSettings>>(
    exec,
    sql`select * from messaging_settings where id = 'default'`,
  );
}

export async function upsertSettings(
  exec: Executor,
  s: { brand: unknown; rules: unknown; linkSecret: string; now: Date },
): Promise<SqlRow<typeof messagingSettings>> {
  return (await firstRow<SqlRow<typeof messagingSettings>>(
    exec,
    sql`insert into messaging_settings (id, brand, rules, link_secret, updated_at)
        values ('default', ${JSON.stringify(s.brand)}::jsonb, ${JSON.stringify(s.rules)}::jsonb, ${s.linkSecret}, ${s.now.toISOString()})
        on conflict (id) do update set brand = excluded.brand, rules = excluded.rules, updated_at = excluded.updated_at
        returning *`,
  ))!;
}

type TemplateRow = SqlRow<typeof messagingTemplates>;
const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  key: r.key,
  format: r.format as Template['format'],
  locale: r.locale as MessageLocale,
  stage: r.stage as Template['stage'],
  subject: r.subject,
  body: r.body,
  cta: r.cta,
  updatedAt: new Date(r.updated_at),
});

export async function selectTemplates(exec: Executor, key?: string): Promise<Template[]> {
  const where = key ? sql`where key = ${key}` : sql``;
  return (
    await rows<TemplateRow>(
      exec,
      sql`select * from messaging_templates ${where} order by key, format, locale, stage`,
    )
  ).map(toTemplate);
}

/** The stored variants for a key, format and locale (any stage). */
export async function selectVariants(exec: Executor, key: string, format: string, locales: string[]) {
  return (
    await rows<TemplateRow>(
      exec,
      sql`select * from messaging_templates where key = ${key} and format = ${format}
          and locale = any(${sql.param(locales)}::text[])`,
    )
  ).map(toTemplate);
}

export async function upsertTemplate(
  exec: Executor,
  id: string,
  t: TemplateInput,
  now: Date,
): Promise<Template> {
  return toTemplate(
    (await firstRow<TemplateRow>(
      exec,
      sql`insert into messaging_templates (id, key, format, locale, stage, subject, body, cta, updated_at)
          values (${id}, ${t.key}, ${t.format}, ${t.locale}, ${t.stage}, ${t.subject}, ${t.body}, ${t.cta}, ${now.toISOString()})
          on conflict (key, format, locale, stage) do update set subject = excluded.subject, body = excluded.body,
            cta = excluded.cta, updated_at = excluded.updated_at
          returning *`,
    ))!,
  );
}

export interface SendInsert {
  id: string;
  customerId: string;
  runId: string | null;
  idemKey: string;
  templateKey: string;
  formats: string[];
  purpose: string;
  channelId: string | null;
  vars: Record<string, string>;
  dueAt: Date;
  now: Date;
  /** Refused before queueing (no consent on any format): kept in the log, never sent. */
  refused?: string | undefined;
}

/** Queues sends in one statement; a repeat of an idempotency key writes nothing. Returns the keys written. */
export async function insertSends(exec: Executor, list: SendInsert[]): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  const json = list.map((s) => ({
    id: s.id,
    customer_id: s.customerId,
    run_id: s.runId,
    idem_key: s.idemKey,
    template_key: s.templateKey,
    formats: s.formats,
    purpose: s.purpose,
    channel_id: s.channelId,
    vars: s.vars,
    status: s.refused ? 'refused' : 'queued',
    due_at: s.dueAt.toISOString(),
    created_at: s.now.toISOString(),
    reason: s.refused ?? null,
  }));
  const r = await rows<{ idem_key: string }>(
    exec,
    sql`insert into messaging_sends (id, customer_id, run_id, idem_key, template_key, formats, purpose, channel_id, vars,
          status, due_at, created_at, reason)
        select x.id, x.customer_id, x.run_id, x.idem_key, x.template_key, x.formats, x.purpose, x.channel_id, x.vars,
          x.status, x.due_at, x.created_at, x.reason
        from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(id text, customer_id text, run_id text, idem_key text,
          template_key text, formats jsonb, purpose text, channel_id text, vars jsonb, status text, due_at timestamptz,
          created_at timestamptz, reason text)
        on conflict (idem_key) do nothing returning idem_key`,
  );
  return new Set(r.map((x) => x.idem_key));
}

/** Leases up to `limit` due queued sends to `owner` (SKIP LOCKED: another node takes others). */
export async function claimDueSends(
  exec: Executor,
  o: { now: Date; leaseUntil: Date; limit: number; owner: string },
): Promise<Send[]> {
  return (
    await rows<SendRow>(
      exec,
      sql`with due as (select id from messaging_sends where status = 'queued' and due_at <= ${o.now.toISOString()}
            and (lease_until is null or lease_until < ${o.now.toISOString()})
            order by due_at limit ${o.limit} for update skip locked)
          update messaging_sends s set lease_until = ${o.leaseUntil.toISOString()}, lease_owner = ${o.owner}
          from due where s.id = due.id
          returning s.*`,
    )
  ).map(toSend);
}

/** Extends the leases `owner` still holds on sends it is sending (its heartbeat while it lives). */
export async function extendSendLeases(exec: Executor, ids: string[], leaseUntil: Date, owner: string) {
  if (!ids.length) return;
  await exec.execute(
    sql`update messaging_sends set lease_until = ${leaseUntil.toISOString()}
        where id = any(${sql.param(ids)}::text[]) and status = 'queued' and lease_owner = ${owner}`,
  );
}

export interface SendOutcome {
  id: string;
  status: Send['status'];
  reason: string | null;
  format?: string | null;
  dueAt?: Date;
  sentAt?: Date;
  attempted?: boolean;
  providerMessageId?: string | null;
}

/**
 * Ends or reschedules leased sends in one statement, only those `owner` still holds (a send taken
 * over by another node is that node's to record). Returns the ids written.
 */
export async function updateSends(exec: Executor, list: SendOutcome[], owner: string): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  const json = list.map((o) => ({
    id: o.id,
    status: o.status,
    reason: o.reason,
    format: o.format ?? null,
    due_at: o.dueAt?.toISOString() ?? null,
    sent_at: o.sentAt?.toISOString() ?? null,
    attempted: o.attempted ? 1 : 0,
    provider_message_id: o.providerMessageId ?? null,
  }));
  // Rows locked in id order first: two nodes finishing overlapping pages (a lease taken over under
  // load) would otherwise lock them in whatever order each join ran, and deadlock.
  const r = await rows<{ id: string }>(
    exec,
    sql`with x as (
          select * from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(id text, status text, reason text,
            format text, due_at timestamptz, sent_at timestamptz, attempted int, provider_message_id text)),
        locked as materialized (
          select s.id from messaging_sends s join x on x.id = s.id
          where s.status = 'queued' and s.lease_owner = ${owner}
          order by s.id
          for update of s)
        update messaging_sends s set status = x.status, reason = x.reason, lease_until = null, lease_owner = null,
          format = coalesce(x.format, s.format), due_at = coalesce(x.due_at, s.due_at),
          sent_at = coalesce(x.sent_at, s.sent_at), attempts = s.attempts + x.attempted,
          provider_message_id = coalesce(x.provider_message_id, s.provider_message_id)
        from x join locked l on l.id = x.id
        where s.id = x.id and s.status = 'queued' and s.lease_owner = ${owner}
        returning s.id`,
  );
  return new Set(r.map((x) => x.id));
}

/** Cancels the queued sends of ended runs (one statement), each with its run's reason. */
export async function cancelQueuedOfRuns(
  exec: Executor,
  list: Array<{ runId: string; reason: string }>,
): Promise<number> {
  if (list.length === 0) return 0;
  const r = await rows<{ id: string }>(
    exec,
    sql`update messaging_sends s set status = 'cancelled', reason = u.reason, lease_until = null, lease_owner = null
        from unnest(${sql.param(list.map((x) => x.runId))}::text[], ${sql.param(list.map((x) => x.reason))}::text[])
          as u(run_id, reason)
        where s.run_id = u.run_id and s.status = 'queued' returning s.id`,
  );
  return r.length;
}

export async function selectSendsOfCustomers(
  exec: Executor,
  customerIds: string[],
  limit: number,
): Promise<Send[]> {
  return (
    await rows<SendRow>(
      exec,
      sql`select * from messaging_sends where customer_id = any(${sql.param(customerIds)}::text[])
          order by created_at desc limit ${limit}`,
    )
  ).map(toSend);
}

/** Messages sent to a customer in a format since a time: how many, and when the oldest went. */
export async function countSentSince(exec: Executor, customerId: string, format: string, since: Date) {
  const r = await firstRow<{ n: number; oldest: string | null }>(
    exec,
    sql`select count(*)::int as n, min(sent_at) as oldest from messaging_sends
        where customer_id = ${customerId} and format = ${format} and status = 'sent' and sent_at > ${since.toISOString()}`,
  );
  return { count: Number(r?.n ?? 0), oldest: r?.oldest ? new Date(r.oldest) : null };
}

export async function insertSuppression(
  exec: Executor,
  hash: string,
  reason: string,
  now: Date,
): Promise<void> {
  await exec.execute(
    sql`insert into messaging_suppressions (address_hash, reason, created_at) values (${hash}, ${reason}, ${now.toISOString()})
        on conflict (address_hash) do nothing`,
  );
}

export async function selectSuppressions(exec: Executor, hashes: string[]) {
  if (hashes.length === 0) return [];
  return rows<{ address_hash: string; reason: string }>(
    exec,
    sql`select address_hash, reason from messaging_suppressions where address_hash = any(${sql.param(hashes)}::text[])`,
  );
}

/** Erasure: the customers' sends forget the address they were pinned to (its hash in `vars`). */
export async function forgetPinnedAddresses(exec: Executor, customerIds: string[], key: string) {
  if (customerIds.length === 0) return 0;
  const r = await rows<{ id: string }>(
    exec,
    sql`update messaging_sends set vars = vars - ${key}::text
        where customer_id = any(${sql.param(customerIds)}::text[]) and vars ->> ${key}::text is not null
        returning id`,
  );
  return r.length;
}

/** sent 1, delivered / undelivered / failed 2 (the first of them stands), read 3; none 0. */
const deliveryRank = (column: ReturnType<typeof sql>) =>
  sql`case ${column} when 'sent' then 1 when 'read' then 3 when 'delivered' then 2 when 'undelivered' then 2
        when 'failed' then 2 else 0 end`;

/**
 * A provider's report on a sent message, by its id: recorded only when it moves the send forward
 * (a late `sent` never overwrites `delivered`). Returns whether a send was updated.
 */
export async function updateDeliveryStatus(
  exec: Executor,
  o: { providerMessageId: string; status: DeliveryStatus; reason: string | null },
): Promise<boolean> {
  const r = await rows<{ id: string }>(
    exec,
    sql`update messaging_sends set delivery_status = ${o.status}, reason = coalesce(${o.reason}::text, reason)
        where provider_message_id = ${o.providerMessageId} and status = 'sent'
          and ${deliveryRank(sql`delivery_status`)} < ${deliveryRank(sql`${o.status}::text`)}
        returning id`,
  );
  return r.length > 0;
}
