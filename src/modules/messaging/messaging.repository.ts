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
}

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

/** Queues a send; a repeat of the same idempotency key writes nothing and returns false. */
export async function insertSend(exec: Executor, s: SendInsert): Promise<boolean> {
  const r = await rows<{ id: string }>(
    exec,
    sql`insert into messaging_sends (id, customer_id, run_id, idem_key, template_key, formats, purpose, channel_id, vars,
          status, due_at, created_at, reason)
        values (${s.id}, ${s.customerId}, ${s.runId}, ${s.idemKey}, ${s.templateKey}, ${JSON.stringify(s.formats)}::jsonb,
          ${s.purpose}, ${s.channelId}, ${JSON.stringify(s.vars)}::jsonb, ${s.refused ? 'refused' : 'queued'}, ${s.dueAt.toISOString()}, ${s.now.toISOString()}, ${s.refused ?? null})
        on conflict (idem_key) do nothing returning id`,
  );
  return r.length > 0;
}

/** Leases up to `limit` due queued sends (SKIP LOCKED: another node takes others). */
export async function claimDueSends(
  exec: Executor,
  o: { now: Date; leaseUntil: Date; limit: number },
): Promise<Send[]> {
  return (
    await rows<SendRow>(
      exec,
      sql`with due as (select id from messaging_sends where status = 'queued' and due_at <= ${o.now.toISOString()}
            and (lease_until is null or lease_until < ${o.now.toISOString()})
            order by due_at limit ${o.limit} for update skip locked)
          update messaging_sends s set lease_until = ${o.leaseUntil.toISOString()} from due where s.id = due.id
          returning s.*`,
    )
  ).map(toSend);
}

/** Ends or reschedules a leased send. */
export async function updateSend(
  exec: Executor,
  id: string,
  o: {
    status: Send['status'];
    reason: string | null;
    format?: string | null;
    dueAt?: Date;
    sentAt?: Date;
    attempted?: boolean;
  },
): Promise<void> {
  await exec.execute(
    sql`update messaging_sends set status = ${o.status}, reason = ${o.reason}, lease_until = null,
          format = coalesce(${o.format ?? null}, format),
          due_at = coalesce(${o.dueAt?.toISOString() ?? null}::timestamptz, due_at),
          sent_at = coalesce(${o.sentAt?.toISOString() ?? null}::timestamptz, sent_at),
          attempts = attempts + ${o.attempted ? 1 : 0}
        where id = ${id}`,
  );
}

export async function cancelQueuedOfRun(exec: Executor, runId: string, reason: string): Promise<number> {
  const r = await rows<{ id: string }>(
    exec,
    sql`update messaging_sends set status = 'cancelled', reason = ${reason}, lease_until = null
        where run_id = ${runId} and status = 'queued' returning id`,
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

export async function selectSuppression(exec: Executor, hash: string) {
  return firstRow<{ reason: string }>(
    exec,
    sql`select reason from messaging_suppressions where address_hash = ${hash}`,
  );
}
