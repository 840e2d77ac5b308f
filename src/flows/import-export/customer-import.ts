// Customer import: a file of customers (the hub's own columns, or Shopify's or WooCommerce's customer
// export through a dialect) goes through the customers module's own ingestion, so identifiers are
// normalised, matched and merged by its rules and protections (an erased or suppressed person is not
// brought back). Each row is one identify event keyed by a hash of the row: the same row imported
// again is a duplicate and writes nothing. Consent columns record a grant only ("no" in an export
// cannot tell a refusal from never asked), with source "import" and the time the file gives or the
// import's. The report keeps no values of a row: names and addresses are personal data.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CustomersService, IngestEventInput } from '../../modules/customers/index.js';
import type { Ctx } from '../../platform/context.js';
import type { ImportDialect } from './import-dialect.js';
import type { ImportTarget, StoredChunk } from './import-job.js';

export const CUSTOMER_COLUMNS = [
  'email',
  'phone',
  'external_id',
  'external_type',
  'first_name',
  'last_name',
  'tags',
  'accepts_email_marketing',
  'accepts_sms_marketing',
  'consent_at',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'region',
  'country',
  'note',
] as const;

/** Purposes the consent columns grant (the senders ask mayContact with these). */
export const IMPORT_CONSENT_PURPOSES = {
  accepts_email_marketing: 'email_marketing',
  accepts_sms_marketing: 'sms_marketing',
} as const;

const text = (max: number) => z.string().trim().min(1).max(max).optional();
const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, c) => {
    if (['yes', 'true', '1', 'y', 'subscribed'].includes(v)) return true;
    if (['no', 'false', '0', 'n', 'not_subscribed', 'unsubscribed', ''].includes(v)) return false;
    c.addIssue({ code: 'custom', message: 'yes or no' });
    return z.NEVER;
  })
  .optional();

const CustomerRow = z
  .strictObject({
    email: z.email('not an email address').max(300).optional(),
    phone: text(40),
    external_id: text(200),
    external_type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,40}$/, 'lower-case letters, digits and _ such as shopify_customer')
      .optional(),
    first_name: text(200),
    last_name: text(200),
    tags: z
      .string()
      .transform((v) =>
        v
          .split(/[|,]/)
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(100)).max(100))
      .optional(),
    accepts_email_marketing: yesNo,
    accepts_sms_marketing: yesNo,
    consent_at: z.iso
      .datetime({ offset: true, message: 'an ISO 8601 time such as 2024-03-01T10:00:00Z' })
      .optional(),
    address_line1: text(200),
    address_line2: text(200),
    postal_code: text(20),
    city: text(100),
    region: text(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 such as NL')
      .optional(),
    note: text(5000),
  })
  .refine((r) => r.email || r.phone || r.external_id, 'give an email, a phone or an external_id')
  .refine((r) => !r.external_id || r.external_type, 'external_type: say whose id external_id is');
export type CustomerRow = z.infer<typeof CustomerRow>;

/** Only which columns a row had: the report of a customer file holds no personal data. */
export function columnsOnly(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  return {
    columns: Object.entries(raw)
      .filter(([, v]) => v !== '' && v !== null && v !== undefined)
      .map(([k]) => k),
  };
}

const issuesOf = (e: z.ZodError) =>
  e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));

/** Drops empty cells (CSV) so absent and empty mean the same. */
export function present(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === '' || v === null || v === undefined) continue;
    out[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  }
  return out;
}

function eventsOf(row: CustomerRow, now: Date): IngestEventInput[] {
  const key = createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 32);
  const address =
    row.address_line1 || row.city || row.postal_code || row.country
      ? {
          ...(row.address_line1
            ? { street: [row.address_line1, row.address_line2].filter(Boolean).join(', ') }
            : {}),
          ...(row.city ? { city: row.city } : {}),
          ...(row.region ? { state: row.region } : {}),
          ...(row.postal_code ? { postalCode: row.postal_code } : {}),
          ...(row.country ? { country: row.country } : {}),
        }
      : undefined;
  const identifiers = row.external_id ? [{ type: row.external_type!, value: row.external_id }] : [];
  const traits: Record<string, unknown> = {
    ...(row.email ? { email: row.email } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.first_name ? { firstName: row.first_name } : {}),
    ...(row.last_name ? { lastName: row.last_name } : {}),
    ...(address ? { address } : {}),
    ...(row.note ? { note: row.note } : {}),
  };
  const base = {
    kind: 'identify' as const,
    name: null,
    identifiers,
    properties: {},
    anonymousId: null,
    userId: null,
  };
  const events: IngestEventInput[] = [
    { ...base, messageId: `import:${key}`, traits, context: {}, occurredAt: now },
  ];
  const granted: Record<string, boolean> = {};
  for (const [column, purpose] of Object.entries(IMPORT_CONSENT_PURPOSES)) {
    if (row[column as keyof typeof IMPORT_CONSENT_PURPOSES]) granted[purpose] = true;
  }
  if (Object.keys(granted).length) {
    // Its own event, at the time the file gives: the consent is as old as the file says, while
    // the traits are as of the import.
    events.push({
      ...base,
      messageId: `import:${key}:consent`,
      traits: { ...(row.email ? { email: row.email } : {}), ...(row.phone ? { phone: row.phone } : {}) },
      consent: granted,
      context: { consent: { categoryPreferences: granted, source: 'import' } },
      occurredAt: row.consent_at ? new Date(row.consent_at) : now,
    });
  }
  return events;
}

export function customerImportTarget(deps: {
  customers: Pick<CustomersService, 'ingest' | 'changeTags'>;
  channelId: string;
  dialects: readonly ImportDialect[];
}): ImportTarget<CustomerRow> {
  const source = { id: `import:${deps.channelId}`, channelId: deps.channelId, sharedDevices: false };
  return {
    native: { columns: CUSTOMER_COLUMNS, required: ['email', 'phone', 'external_id'] },
    dialects: deps.dialects,
    take(line, raw) {
      const r = CustomerRow.safeParse(present(raw));
      return r.success ? [{ unit: r.data, lines: [line] }] : [{ line, reasons: issuesOf(r.error), raw }];
    },
    finish: () => [],
    report: columnsOnly,
    async store(ctx: Ctx, units, scope): Promise<StoredChunk> {
      const out: StoredChunk = { accepted: [], rejected: [] };
      const now = ctx.clock.now();
      const events: IngestEventInput[] = [];
      const owner: number[] = [];
      units.forEach((u, i) => {
        for (const e of eventsOf(u.unit, now)) {
          events.push(e);
          owner.push(i);
        }
      });
      try {
        await scope(ctx, async (tx) => {
          const results = await deps.customers.ingest(tx, source, events);
          const outcome = units.map(() => ({ stored: false, duplicate: 0, reasons: [] as string[] }));
          const profileOf = new Map<number, string>();
          results.forEach((r, k) => {
            const o = outcome[owner[k]!]!;
            if (r.status === 'stored') {
              o.stored = true;
              profileOf.set(owner[k]!, r.profileId);
            } else if (r.status === 'duplicate') o.duplicate++;
            else if (r.status === 'ignored') o.reasons.push(`not imported: ${r.reason}`);
            else o.reasons.push(...r.errors.map((e) => `${e.path}: ${e.message}`));
          });
          for (const [i, u] of units.entries()) {
            const o = outcome[i]!;
            if (o.reasons.length) {
              out.rejected.push({ line: u.lines[0]!, reasons: o.reasons, row: null });
              continue;
            }
            const profileId = profileOf.get(i);
            if (profileId && u.unit.tags?.length) {
              await deps.customers.changeTags(tx, profileId, { add: u.unit.tags, channelId: deps.channelId });
            }
            out.accepted.push({ lines: u.lines, kind: o.stored ? 'customer' : 'unchanged' });
          }
        });
      } catch (err) {
        // Only the error's code: a database error's detail can quote the row's values.
        ctx.log.error({ code: (err as { code?: string }).code }, 'customer import chunk failed');
        for (const u of units)
          out.rejected.push({ line: u.lines[0]!, reasons: ['could not be stored'], row: null });
      }
      return out;
    },
  };
}
