// Customer and order-history imports: the same streamed job, validation, per-line report and dry run
// as the catalog's, with their own targets (customer-import.ts, history-import.ts). What a file does
// not say comes from the request: the channel its customers and orders belong to, and for orders the
// inbound connector whose webhooks deliver the same orders (so both paths are one order).
import { AppError } from '../../kernel/index.js';
import type { ImportJob } from '../../modules/catalog/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { OrdersService } from '../../modules/orders/index.js';
import type { Ctx } from '../../platform/context.js';
import { customerImportTarget } from './customer-import.js';
import { type HistoryDeps, historyImportTarget, type ImportOpenOrder } from './history-import.js';
import type { ImportDialect, ImportTargetKind } from './import-dialect.js';
import type { createJobRunner, DryRunReport, JobRequest } from './import-job.js';

export interface PeopleImportDeps {
  channels: ChannelsService;
  customers: Pick<CustomersService, 'ingest' | 'changeTags'>;
  orders: Pick<OrdersService, 'placeOrders' | 'findExternalIds'>;
  /** Open orders in a history file are live orders: the marketplace import reserves their stock. */
  importOpenOrder?: ImportOpenOrder | undefined;
  /** An inbound connector by id: its kind (shopify, woocommerce…) names its orders' source. */
  connectorSource?:
    | ((ctx: Ctx, id: string) => Promise<{ kind: string; channelId: string | null }>)
    | undefined;
}

export interface PeopleImportRequest extends Omit<JobRequest, 'targets'> {
  /** The channel (id or code) the customers or orders belong to. */
  channel?: string | undefined;
  /** Orders: the inbound connector (id) whose webhooks deliver these orders too. */
  connector?: string | undefined;
}

type Runner = ReturnType<typeof createJobRunner>;

const queryIssue = (field: string, message: string) =>
  new AppError('validation_failed', message, { issues: [{ path: `querystring.${field}`, message }] });

export function createPeopleImports(
  deps: PeopleImportDeps,
  jobs: Runner,
  dialectsFor: (kind: ImportTargetKind) => readonly ImportDialect[],
) {
  async function channelOf(ctx: Ctx, ref: string | undefined, fallback: string | null = null) {
    if (!ref && fallback) return fallback;
    if (!ref) throw queryIssue('channel', 'name the channel (code) these records belong to: ?channel=');
    const channel = await deps.channels.findChannel(ctx, ref);
    if (!channel) throw queryIssue('channel', `no channel ${ref}`);
    return channel.id;
  }

  async function customersTarget(ctx: Ctx, req: PeopleImportRequest) {
    return customerImportTarget({
      customers: deps.customers,
      channelId: await channelOf(ctx, req.channel),
      dialects: dialectsFor('customers'),
    });
  }

  async function historyTarget(ctx: Ctx, req: PeopleImportRequest) {
    let externalSource: string | undefined;
    let connectorChannel: string | null = null;
    if (req.connector) {
      if (!deps.connectorSource) throw queryIssue('connector', 'connectors are not running in this hub');
      const c = await deps.connectorSource(ctx, req.connector).catch(() => null);
      if (!c) throw queryIssue('connector', `no connector ${req.connector}`);
      // The same name the connector's webhooks give their orders (connectors/inbound).
      externalSource = `${c.kind}:${req.connector}`;
      connectorChannel = c.channelId;
    }
    const target: HistoryDeps = {
      orders: deps.orders,
      customers: deps.customers,
      importOpenOrder: deps.importOpenOrder,
      channelId: await channelOf(ctx, req.channel, connectorChannel),
      externalSource,
      dialects: dialectsFor('orders'),
    };
    return historyImportTarget(target);
  }

  return {
    async importCustomers(ctx: Ctx, req: PeopleImportRequest): Promise<ImportJob> {
      return jobs.run(ctx, req, await customersTarget(ctx, req));
    },
    async dryRunCustomers(ctx: Ctx, req: PeopleImportRequest): Promise<DryRunReport> {
      return jobs.dryRun(ctx, req, await customersTarget(ctx, req));
    },
    async importHistory(ctx: Ctx, req: PeopleImportRequest): Promise<ImportJob> {
      return jobs.run(ctx, req, await historyTarget(ctx, req));
    },
    async dryRunHistory(ctx: Ctx, req: PeopleImportRequest): Promise<DryRunReport> {
      return jobs.dryRun(ctx, req, await historyTarget(ctx, req));
    },
  };
}

export type PeopleImports = ReturnType<typeof createPeopleImports>;
