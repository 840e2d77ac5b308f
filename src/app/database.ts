// What a start does once to a database: migrations, the bootstrap key, the demo data, and the
// choice of payment providers the services are built with.

import type { Logger } from 'pino';
import { DEMO_PAYMENT_PROVIDERS } from '../flows/demo/demo-channels.js';
import { type DemoAppKey, type DemoStaffAccount, loadDemoData } from '../flows/demo/load-demo-data.flow.js';
import { systemClock } from '../kernel/index.js';
import { advisorMigrations } from '../modules/advisor/index.js';
import { cartsMigrations } from '../modules/carts/index.js';
import { catalogMigrations } from '../modules/catalog/index.js';
import { cdpMigrations } from '../modules/cdp/index.js';
import { channelSyncMigrations } from '../modules/channel-sync/index.js';
import { channelsMigrations } from '../modules/channels/index.js';
import { customersMigrations } from '../modules/customers/index.js';
import { inboxMigrations, inboxOptionsFor } from '../modules/inbox/index.js';
import { insightsMigrations } from '../modules/insights/index.js';
import { integrationsMigrations } from '../modules/integrations/index.js';
import { inventoryMigrations } from '../modules/inventory/index.js';
import { journeysMigrations } from '../modules/journeys/index.js';
import { mediaMigrations, mediaStorageFor } from '../modules/media/index.js';
import { messagingMigrations } from '../modules/messaging/index.js';
import { ordersMigrations } from '../modules/orders/index.js';
import { paymentsMigrations } from '../modules/payments/index.js';
import { promotionsMigrations } from '../modules/promotions/index.js';
import { recommendationsMigrations } from '../modules/recommendations/index.js';
import { reviewsMigrations } from '../modules/reviews/index.js';
import { shoppersMigrations } from '../modules/shoppers/index.js';
import { staffMigrations } from '../modules/staff/index.js';
import { walletMigrations } from '../modules/wallet/index.js';
import { countActiveAdminKeys, createApiKey } from '../platform/auth/api-keys.js';
import type { HubConfig } from '../platform/config.js';
import { type Ctx, createContext } from '../platform/context.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { getMeta, setMeta } from '../platform/db/hub-meta.js';
import { type MigrationSet, runMigrations } from '../platform/db/migrate.js';
import {
  DATABASE_IMAGE_PATH,
  finishStartedUnpack,
  freshDatabaseImage,
  unpackDatabaseImage,
} from '../platform/db/pglite-image.js';
import { createMailer } from '../platform/mail/mailer.js';
import { platformMigrations } from '../platform/migrations.js';
import { checkSecretsKey, createSecretBox, parseSecretsKey } from '../platform/secrets/secret-box.js';
import { startupMark } from '../platform/startup-trace.js';
import { createServices, type Services } from './services.js';

/** Every owner of tables, in the order their migrations apply. */
export const ALL_MIGRATIONS: MigrationSet[] = [
  platformMigrations,
  channelsMigrations,
  catalogMigrations,
  inventoryMigrations,
  integrationsMigrations,
  channelSyncMigrations,
  customersMigrations,
  cartsMigrations,
  ordersMigrations,
  paymentsMigrations,
  shoppersMigrations,
  promotionsMigrations,
  cdpMigrations,
  inboxMigrations,
  walletMigrations,
  staffMigrations,
  mediaMigrations,
  recommendationsMigrations,
  insightsMigrations,
  messagingMigrations,
  journeysMigrations,
  advisorMigrations,
  reviewsMigrations,
];

/** What a start did once to a database: the bootstrap admin key and the demo data (shown once). */
export interface DatabasePreparation {
  bootstrapKey: { secret: string; generated: boolean } | undefined;
  demoLoaded: boolean;
  demoAppKeys: DemoAppKey[];
  demoStaff: DemoStaffAccount[];
}

/** Databases this process made from the build's migrated image: every migration is applied. */
const madeFromImage = new WeakSet<Database>();

/** The hub's database; a new embedded one starts from the build's migrated image when it fits. */
export async function openHubDatabase(
  config: Pick<HubConfig, 'databaseUrl' | 'dataDir'>,
  imagePath = DATABASE_IMAGE_PATH,
): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  // On disk the image is unpacked beside PGlite (less CPU and memory), on a worker thread when
  // `serve` began that before loading the modules; in memory PGlite loads it.
  const unpacked =
    (await finishStartedUnpack(config.dataDir, ALL_MIGRATIONS, imagePath)) ??
    unpackDatabaseImage(config.dataDir, ALL_MIGRATIONS, imagePath);
  const image = unpacked ? undefined : freshDatabaseImage(config.dataDir, ALL_MIGRATIONS, imagePath);
  startupMark('image unpacked');
  const database = await openDatabase({ dataDir: config.dataDir, pgliteImage: image });
  startupMark('PGlite open');
  if (unpacked || image) madeFromImage.add(database);
  return database;
}

/** Whether this process made the database from the build's migrated image (so every migration is applied). */
export const madeFromMigratedImage = (database: Database): boolean => madeFromImage.has(database);

/**
 * Applies the hub's migrations. A database just made from the image skips them: the image's key names
 * every migration file, so they are all applied, and checking the 22 histories costs a first start
 * ~70 statements and reading and hashing every migration file again.
 */
export async function migrateHubDatabase(database: Database): Promise<void> {
  if (!madeFromImage.has(database)) await runMigrations(database, ALL_MIGRATIONS);
}

export interface PaymentProvidersChoice {
  names: string[];
  source: 'configured' | 'demo' | 'default';
}

/**
 * OMNIHUB_PAYMENT_PROVIDERS when set; else a database that holds (or is about to get) the demo data
 * enables the demo's stand-ins (`test` card, `external` terminal); else the payments default, `manual`.
 */
export async function choosePaymentProviders(
  database: Database,
  config: HubConfig,
): Promise<{ names: string[] | undefined; source: PaymentProvidersChoice['source'] }> {
  if (config.paymentProviders) return { names: config.paymentProviders, source: 'configured' };
  const demoDatabase = (await getMeta(database.db, 'initialized'))
    ? Boolean(await getMeta(database.db, 'demo'))
    : config.demo;
  return demoDatabase
    ? { names: DEMO_PAYMENT_PROVIDERS, source: 'demo' }
    : { names: undefined, source: 'default' };
}

export function logPaymentProviders(log: Logger, choice: PaymentProvidersChoice): void {
  const names = choice.names;
  const standIns = names.filter((n) => n === 'test' || n === 'external');
  if (standIns.length === 0) {
    log.info({ paymentProviders: names, source: choice.source }, 'payment providers enabled');
    return;
  }
  log.warn(
    { paymentProviders: names, source: choice.source },
    `payment providers enabled: ${names.join(', ')}${choice.source === 'demo' ? ' (the demo database enables them)' : ''}; ` +
      `${standIns.join(' and ')} take no money (test approves any card, external records money taken elsewhere): ` +
      'set OMNIHUB_PAYMENT_PROVIDERS to the real ones for production',
  );
}

/** A serving process whose primary prepared the database: the one-time results came from there. */
export const NOTHING_PREPARED: DatabasePreparation = {
  bootstrapKey: undefined,
  demoLoaded: false,
  demoAppKeys: [],
  demoStaff: [],
};

export function servicesFor(config: HubConfig, paymentProviders: readonly string[] | undefined) {
  return createServices({
    paymentProviders,
    orderNumberPrefix: config.orderNumberPrefix,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
    maxFutureSkewSeconds: config.maxFutureSkewSeconds,
    staffPasswordCost: config.staffPasswordCost,
    inbox: { ...inboxOptionsFor(config.dataDir), maxAttachmentBytes: config.maxAttachmentBytes },
    mediaStorage: mediaStorageFor(config.dataDir),
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    auditIntervalSeconds: config.auditIntervalSeconds,
    secrets: createSecretBox(parseSecretsKey(config.secretsKey)),
    keepWrittenCarts: config.workers === 1 && !config.natsUrl,
  });
}

/** The bootstrap admin key when there is none; the demo data on a database's first start. */
export async function initializeDatabase(
  ctx: Ctx,
  services: Services,
  config: HubConfig,
): Promise<DatabasePreparation> {
  const bootstrapKey = await ensureAdminKey(ctx, config.adminKey);
  if (await getMeta(ctx.db, 'initialized')) return { ...NOTHING_PREPARED, bootstrapKey };
  const demo = config.demo ? await loadDemoData(ctx, services) : undefined;
  await setMeta(ctx.db, 'initialized', { at: ctx.clock.now().toISOString(), demo: config.demo });
  return {
    bootstrapKey,
    demoLoaded: demo?.loaded ?? false,
    demoAppKeys: demo?.appKeys ?? [],
    demoStaff: demo?.staffAccounts ?? [],
  };
}

/**
 * Everything a start does once to a database, without serving: migrations, the secrets key check,
 * the bootstrap key and the demo data. A cluster's primary runs it before forking its workers.
 */
export async function prepareDatabase(config: HubConfig, log: Logger): Promise<DatabasePreparation> {
  const database = await openHubDatabase(config);
  try {
    await migrateHubDatabase(database);
    await checkSecretsKey(database.db, createSecretBox(parseSecretsKey(config.secretsKey)));
    const chosen = await choosePaymentProviders(database, config);
    const services = servicesFor(config, chosen.names);
    return await initializeDatabase(createContext(database, { clock: systemClock, log }), services, config);
  } finally {
    await database.close();
  }
}

/** A fresh database gets one admin key: OMNIHUB_ADMIN_KEY if given, otherwise a generated one. */
async function ensureAdminKey(ctx: Ctx, configured: string | undefined) {
  if ((await countActiveAdminKeys(ctx.db)) > 0) return undefined;
  const { secret } = await createApiKey(ctx, {
    name: 'bootstrap admin',
    scopes: ['admin'],
    ...(configured ? { secret: configured } : {}),
  });
  return { secret, generated: !configured };
}
