// The runtime contract: every setting the hub reads from its environment, with defaults, in one place.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { RateLimitConfig } from './http/rate-limits.js';
import { parseSecretsKey } from './secrets/secrets-key.js';

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  natsUrl: string | undefined;
  natsStream: string;
  /** NATS subjects are `<prefix>.<event type>` (default omnihub.events). */
  natsSubjectPrefix: string;
  adminKey: string | undefined;
  demo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  publicUrl: string | undefined;
  /** Delivered webhook rows are deleted this many days after delivery (OMNIHUB_WEBHOOK_RETENTION_DAYS). */
  webhookRetentionDays: number;
  /** Raw inbound bodies are cleared this many days after receipt (OMNIHUB_INBOUND_RETENTION_DAYS). */
  inboundRetentionDays: number;
  /** Customer event timestamps more than this ahead of receipt are clamped (OMNIHUB_MAX_FUTURE_SKEW_SECONDS). */
  maxFutureSkewSeconds: number;
  /** 32 bytes (hex or base64) that encrypt stored connector secrets (OMNIHUB_SECRETS_KEY); none = plaintext. */
  secretsKey: string | undefined;
  /** A running import untouched this long is failed: its process is gone (OMNIHUB_IMPORT_STALE_SECONDS). */
  importStaleSeconds: number;
  /**
   * Every connection's consistency audit (with the channel read back) runs once per this many seconds
   * on one node, for the omnichannel score (OMNIHUB_AUDIT_INTERVAL_SECONDS, default 900).
   */
  auditIntervalSeconds: number;
  /**
   * The payment providers payers may choose (OMNIHUB_PAYMENT_PROVIDERS, comma-separated); undefined =
   * the hub's default (`manual` and the adapters it was built with; `test` and `external` on a demo database).
   */
  paymentProviders: string[] | undefined;
  /** The SMTP relay outbound mail goes through, e.g. smtp://127.0.0.1:2525 (OMNIHUB_SMTP_URL); none = codes go to the log. */
  smtpUrl: string | undefined;
  /** The From address of outbound mail (OMNIHUB_MAIL_FROM). */
  mailFrom: string;
  /** log2 of scrypt's N for staff passwords (OMNIHUB_STAFF_PASSWORD_COST, 10–20, default 16). */
  staffPasswordCost: number;
  /** The port of the inbox's own SMTP server for inbound mail (OMNIHUB_SMTP_PORT); unset = no server. */
  smtpPort: number | undefined;
  /** The domain of the inbox's reply+<token>@ addresses (OMNIHUB_INBOX_MAIL_DOMAIN; default: OMNIHUB_MAIL_FROM's). */
  inboxMailDomain: string;
  /** The largest message attachment accepted, in bytes (OMNIHUB_MAX_ATTACHMENT_BYTES, default 10 MB). */
  maxAttachmentBytes: number;
  /** Requests per window per client IP and per API key (OMNIHUB_RATE_LIMIT_*). */
  rateLimits: RateLimitConfig;
  /**
   * Hub processes serving one port (OMNIHUB_WORKERS, `serve --workers`): default the number of cores
   * on PostgreSQL from 4 cores up (1 below, see defaultWorkers); always 1 on the embedded database,
   * which one process must own.
   */
  workers: number;
  /** A bearer token /metrics requires (OMNIHUB_METRICS_TOKEN); none = /metrics is public. */
  metricsToken: string | undefined;
  /** Order numbers read `<prefix>-<n>` (OMNIHUB_ORDER_NUMBER_PREFIX, 1–6 letters or digits; default OH). */
  orderNumberPrefix: string;
}

/** The letters before an order number's digits: 1–6 of A–Z and 0–9; unset = OH. */
export function parseOrderNumberPrefix(raw: string | undefined): string {
  const prefix = (raw ?? '').trim().toUpperCase() || 'OH';
  if (!/^[A-Z0-9]{1,6}$/.test(prefix)) {
    throw new Error(`OMNIHUB_ORDER_NUMBER_PREFIX must be 1-6 letters or digits, not ${JSON.stringify(raw)}`);
  }
  return prefix;
}

/** `manual,test` → ['manual', 'test']; empty or unset → undefined (the hub decides). */
export function parseProviderList(raw: string | undefined): string[] | undefined {
  const names = [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) return undefined;
  const bad = names.filter((n) => !/^[a-z][a-z0-9_-]{0,49}$/.test(n));
  if (bad.length) throw new Error(`OMNIHUB_PAYMENT_PROVIDERS has invalid provider names: ${bad.join(', ')}`);
  return names;
}

/** OMNIHUB_INBOX_MAIL_DOMAIN, else the domain of OMNIHUB_MAIL_FROM, else localhost. */
function inboxDomain(env: NodeJS.ProcessEnv): string {
  const configured = env.OMNIHUB_INBOX_MAIL_DOMAIN?.trim().toLowerCase();
  if (configured) {
    if (!/^[a-z0-9.-]{1,253}$/.test(configured))
      throw new Error(`OMNIHUB_INBOX_MAIL_DOMAIN must be a domain name, got ${configured}`);
    return configured;
  }
  const from = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.OMNIHUB_MAIL_FROM?.trim() ?? '');
  return from?.[1]?.toLowerCase() ?? 'localhost';
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number >= ${min}, got ${raw}`);
  return n;
}

function staffPasswordCost(env: NodeJS.ProcessEnv): number {
  const cost = Number(env.OMNIHUB_STAFF_PASSWORD_COST ?? 16);
  if (!Number.isInteger(cost) || cost < 10 || cost > 20)
    throw new Error(
      `OMNIHUB_STAFF_PASSWORD_COST must be a whole number from 10 to 20, got ${env.OMNIHUB_STAFF_PASSWORD_COST}`,
    );
  return cost;
}

/**
 * One process per core from 4 cores up; below that, one. On 2 cores a second hub process competes with
 * PostgreSQL and the OS for the same CPU: checkout measured 71.9 orders/s (p99 277 ms) with one worker
 * and 38.9 (p99 828 ms) with two on the same machine and database.
 */
export function defaultWorkers(cores: number): number {
  return cores >= 4 ? cores : 1;
}

function workerCount(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): number {
  const raw = env.OMNIHUB_WORKERS?.trim();
  if (!raw) return databaseUrl ? defaultWorkers(availableParallelism()) : 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new Error(`OMNIHUB_WORKERS must be a whole number from 1 to 256, got ${raw}`);
  if (n > 1 && !databaseUrl)
    throw new Error(
      'OMNIHUB_WORKERS above 1 needs DATABASE_URL: the embedded database is owned by one process',
    );
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const webhookRetentionDays = Number(env.OMNIHUB_WEBHOOK_RETENTION_DAYS?.trim() || 7);
  if (!Number.isFinite(webhookRetentionDays) || webhookRetentionDays <= 0)
    throw new Error(
      `OMNIHUB_WEBHOOK_RETENTION_DAYS must be a number of days > 0, got ${env.OMNIHUB_WEBHOOK_RETENTION_DAYS}`,
    );
  const inboundRetentionDays = Number(env.OMNIHUB_INBOUND_RETENTION_DAYS?.trim() || 30);
  if (!Number.isFinite(inboundRetentionDays) || inboundRetentionDays <= 0)
    throw new Error(
      `OMNIHUB_INBOUND_RETENTION_DAYS must be a number of days > 0, got ${env.OMNIHUB_INBOUND_RETENTION_DAYS}`,
    );
  const importStaleSeconds = Number(env.OMNIHUB_IMPORT_STALE_SECONDS?.trim() || 60);
  if (!Number.isFinite(importStaleSeconds) || importStaleSeconds <= 0)
    throw new Error(
      `OMNIHUB_IMPORT_STALE_SECONDS must be a number of seconds > 0, got ${env.OMNIHUB_IMPORT_STALE_SECONDS}`,
    );
  const maxFutureSkewSeconds = Number(env.OMNIHUB_MAX_FUTURE_SKEW_SECONDS?.trim() || 600);
  if (!Number.isFinite(maxFutureSkewSeconds) || maxFutureSkewSeconds < 0)
    throw new Error(
      `OMNIHUB_MAX_FUTURE_SKEW_SECONDS must be a number of seconds >= 0, got ${env.OMNIHUB_MAX_FUTURE_SKEW_SECONDS}`,
    );
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.OMNIHUB_DATA_DIR ?? './data'),
    databaseUrl,
    natsUrl: env.NATS_URL?.trim() || undefined,
    natsStream: env.OMNIHUB_NATS_STREAM ?? 'OMNIHUB_EVENTS',
    natsSubjectPrefix: env.OMNIHUB_NATS_SUBJECT_PREFIX ?? 'omnihub.events',
    adminKey: env.OMNIHUB_ADMIN_KEY?.trim() || undefined,
    demo: env.OMNIHUB_DEMO !== '0' && env.OMNIHUB_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: Number(env.OMNIHUB_BODY_LIMIT ?? 1024 * 1024),
    publicUrl: env.OMNIHUB_PUBLIC_URL,
    webhookRetentionDays,
    inboundRetentionDays,
    importStaleSeconds,
    auditIntervalSeconds: count(env, 'OMNIHUB_AUDIT_INTERVAL_SECONDS', 900, 1),
    maxFutureSkewSeconds,
    paymentProviders: parseProviderList(env.OMNIHUB_PAYMENT_PROVIDERS),
    smtpUrl: env.OMNIHUB_SMTP_URL?.trim() || undefined,
    mailFrom: env.OMNIHUB_MAIL_FROM?.trim() || 'Omnihub <no-reply@localhost>',
    staffPasswordCost: staffPasswordCost(env),
    smtpPort: env.OMNIHUB_SMTP_PORT?.trim() ? count(env, 'OMNIHUB_SMTP_PORT', 0) : undefined,
    inboxMailDomain: inboxDomain(env),
    maxAttachmentBytes: count(env, 'OMNIHUB_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024, 1),
    rateLimits: {
      perIp: count(env, 'OMNIHUB_RATE_LIMIT_PER_IP', 300_000),
      perKey: count(env, 'OMNIHUB_RATE_LIMIT_PER_KEY', 120_000),
      windowSeconds: count(env, 'OMNIHUB_RATE_LIMIT_WINDOW_SECONDS', 60, 1),
    },
    workers: workerCount(env, databaseUrl),
    metricsToken: env.OMNIHUB_METRICS_TOKEN?.trim() || undefined,
    orderNumberPrefix: parseOrderNumberPrefix(env.OMNIHUB_ORDER_NUMBER_PREFIX),
    secretsKey: parseSecretsKey(env.OMNIHUB_SECRETS_KEY) ? env.OMNIHUB_SECRETS_KEY!.trim() : undefined,
  };
}
