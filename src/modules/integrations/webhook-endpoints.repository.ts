// SQL of outbound webhook endpoints: the targets with their filters, format, transform, status and
// signing secrets (current and, during a rotation, previous).
import { sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { EndpointWithSecrets } from './integrations.types.js';

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  types: string[];
  channel_id: string | null;
  format: 'standard' | 'cloudevents';
  transform: string | null;
  purpose: string | null;
  include_consent: boolean;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | string | null;
  status: 'active' | 'disabled';
  disabled_reason: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
export const dateOrNull = (v: Date | string | null): Date | null => (v == null ? null : date(v));

function toEndpoint(r: EndpointRow): EndpointWithSecrets {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    types: r.types,
    channelId: r.channel_id,
    format: r.format,
    transform: r.transform,
    purpose: r.purpose ?? null,
    includeConsent: r.include_consent ?? false,
    status: r.status,
    disabledReason: r.disabled_reason,
    secret: r.secret,
    previousSecret: r.previous_secret,
    previousSecretExpiresAt: dateOrNull(r.previous_secret_expires_at),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

export async function insertEndpoint(exec: Executor, e: EndpointWithSecrets): Promise<EndpointWithSecrets> {
  const r = await firstRow<EndpointRow>(
    exec,
    sql`insert into webhook_endpoints (id, url, description, types, channel_id, format, transform, purpose,
          include_consent, secret, status, created_at, updated_at)
        values (${e.id}, ${e.url}, ${e.description}, ${sql.param(e.types)}::text[], ${e.channelId}, ${e.format},
          ${e.transform}, ${e.purpose}, ${e.includeConsent}, ${e.secret}, ${e.status}, ${e.createdAt}, ${e.updatedAt})
        returning *`,
  );
  return toEndpoint(r!);
}

export async function selectEndpoint(
  exec: Executor,
  id: string,
  forUpdate = false,
): Promise<EndpointWithSecrets | undefined> {
  const r = await firstRow<EndpointRow>(
    exec,
    sql`select * from webhook_endpoints where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return r ? toEndpoint(r) : undefined;
}

export async function selectEndpoints(
  exec: Executor,
  filter: { channelId?: string | null; activeOnly?: boolean } = {},
): Promise<EndpointWithSecrets[]> {
  const rs = await rows<EndpointRow>(
    exec,
    sql`select * from webhook_endpoints where true
        ${filter.channelId ? sql`and channel_id = ${filter.channelId}` : sql``}
        ${filter.activeOnly ? sql`and status = 'active'` : sql``}
        order by created_at, id`,
  );
  return rs.map(toEndpoint);
}

export async function updateEndpointRow(
  exec: Executor,
  e: EndpointWithSecrets,
): Promise<EndpointWithSecrets> {
  const r = await firstRow<EndpointRow>(
    exec,
    sql`update webhook_endpoints set url = ${e.url}, description = ${e.description},
          types = ${sql.param(e.types)}::text[], format = ${e.format}, transform = ${e.transform},
          purpose = ${e.purpose}, include_consent = ${e.includeConsent}, secret = ${e.secret}, previous_secret = ${e.previousSecret},
          previous_secret_expires_at = ${e.previousSecretExpiresAt}, status = ${e.status},
          disabled_reason = ${e.disabledReason}, updated_at = ${e.updatedAt}
        where id = ${e.id} returning *`,
  );
  return toEndpoint(r!);
}

export async function deleteEndpointRow(exec: Executor, id: string): Promise<void> {
  await exec.execute(sql`delete from webhook_deliveries where endpoint_id = ${id}`);
  await exec.execute(sql`delete from webhook_endpoint_stats where endpoint_id = ${id}`);
  await exec.execute(sql`delete from webhook_endpoints where id = ${id}`);
}

export async function disableEndpointRow(
  exec: Executor,
  id: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const r = await firstRow<{ id: string }>(
    exec,
    sql`update webhook_endpoints set status = 'disabled', disabled_reason = ${reason}, updated_at = ${now}
        where id = ${id} and status = 'active' returning id`,
  );
  return r !== undefined;
}

/** The secrets that sign now: the current one, and the previous one until its rotation grace ends. */
export function activeSecrets(
  e: Pick<EndpointWithSecrets, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>,
  now: Date,
): string[] {
  const expires = e.previousSecretExpiresAt;
  return e.previousSecret && (!expires || expires > now) ? [e.secret, e.previousSecret] : [e.secret];
}
