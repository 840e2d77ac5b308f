// `omnihub import <file>` and `omnihub export`: bulk catalog and stock files, streamed, with a
// progress bar. Directly on the database (stop a PGlite hub first) or against a running hub (--url).
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { DryRunReport } from './flows/import-export/index.js';
import type { ImportFormat, ImportJob, ImportRejection } from './modules/catalog/index.js';
import type { Ctx } from './platform/context.js';

type WithDatabase = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

interface RemoteOpts {
  url?: string;
  key?: string;
}

function formatOf(file: string, given?: string): ImportFormat {
  const f = given ?? (file.endsWith('.csv') ? 'csv' : /\.(nd)?jsonl?$/.test(file) ? 'ndjson' : undefined);
  if (f !== 'csv' && f !== 'ndjson') throw new Error('say --format csv or --format ndjson');
  return f;
}

function remoteKey(o: RemoteOpts): string {
  const key = o.key ?? process.env.OMNIHUB_KEY;
  if (!key) throw new Error('--key (or OMNIHUB_KEY) is required with --url');
  return key;
}

type ImportKind = 'catalog' | 'customers' | 'orders';

interface ImportOpts extends RemoteOpts {
  format?: string;
  kind: ImportKind;
  channel?: string;
  connector?: string;
  priceList?: string;
  location?: string;
  dryRun?: boolean;
}

const ENDPOINT: Record<ImportKind, string> = {
  catalog: '/api/imports',
  customers: '/api/imports/customers',
  orders: '/api/imports/orders',
};

function importQuery(o: ImportOpts, format: ImportFormat, source: string): string {
  const q = new URLSearchParams({ format, source });
  if (o.channel) q.set('channel', o.channel);
  if (o.connector) q.set('connector', o.connector);
  if (o.priceList) q.set('price_list', o.priceList);
  if (o.location) q.set('location', o.location);
  if (o.dryRun) q.set('dry_run', '1');
  return q.toString();
}

type Outcome = { job: ImportJob; rejections: ImportRejection[] } | { dry: DryRunReport };

/**
 * Sends the file to a running hub. The answer comes when the import ends, so meanwhile the job is
 * polled (found by this upload's own source name) for its rows: bytes sent say little when the hub
 * reads far behind the upload.
 */
async function remoteImport(
  o: ImportOpts,
  file: string,
  format: ImportFormat,
  bar: cliProgress.SingleBar,
): Promise<Outcome> {
  const size = statSync(file).size;
  const input = createReadStream(file);
  let sent = 0;
  input.on('data', (chunk) => {
    sent += chunk.length;
  });
  const headers = {
    authorization: `Bearer ${remoteKey(o)}`,
    'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson',
    'content-length': String(size),
  };
  const source = `${basename(file)} (${new Date().toISOString()})`;
  const url = new URL(`${ENDPOINT[o.kind]}?${importQuery(o, format, source)}`, o.url);
  let done = false;
  const poll = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, 500));
      // A dry run keeps no job to ask: its bar shows the bytes sent, its rows come with the answer.
      if (o.dryRun) {
        if (!done) bar.update(sent, { sent: Math.round((100 * sent) / Math.max(size, 1)) });
        continue;
      }
      const list = await fetch(new URL('/api/imports', o.url), { headers }).catch(() => null);
      const jobs = list?.ok ? ((await list.json()) as { items: ImportJob[] }).items : [];
      const job = jobs.find((j) => j.source === source);
      if (!done) {
        bar.update(job ? Math.max(job.bytesRead, 0) : 0, {
          rows: job?.rowsRead ?? 0,
          rejected: job?.rowsRejected ?? 0,
          sent: Math.round((100 * sent) / Math.max(size, 1)),
        });
      }
    }
  })();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: Readable.toWeb(input) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    // biome-ignore lint/suspicious/noExplicitAny: problem+json, the job or the dry run's report
    const json = (await res.json()) as any;
    if (!res.ok) throw new Error(`${res.status}: ${json.detail ?? JSON.stringify(json)}`);
    if (json.dryRun) return { dry: json as DryRunReport };
    const report = await fetch(new URL(`/api/imports/${json.id}/rejections?limit=20`, o.url), { headers });
    return {
      job: json as ImportJob,
      rejections: ((await report.json()) as { items: ImportRejection[] }).items,
    };
  } finally {
    done = true;
    await poll;
  }
}

async function localImport(
  ctx: Ctx,
  o: ImportOpts,
  file: string,
  format: ImportFormat,
  bar: cliProgress.SingleBar,
): Promise<Outcome> {
  // The hub's modules load only for a local import (the CLI's other commands start without them).
  const { createServices } = await import('./app.js');
  const services = createServices();
  const input = createReadStream(file);
  const req = {
    format,
    input,
    source: basename(file),
    bytesTotal: statSync(file).size,
    onProgress: (j: ImportJob) => bar.update(j.bytesRead, { rows: j.rowsRead, rejected: j.rowsRejected }),
  };
  const people = { ...req, channel: o.channel, connector: o.connector };
  const catalogReq = {
    ...req,
    targets: { priceList: o.priceList, channel: o.channel, location: o.location },
  };
  const imports = services.imports;
  if (o.dryRun) {
    // A dry run reports no progress (it keeps no job): its bar follows the bytes read instead.
    const ticker = setInterval(() => bar.update(input.bytesRead), 500);
    try {
      const dry =
        o.kind === 'customers'
          ? await imports.dryRunCustomers(ctx, people)
          : o.kind === 'orders'
            ? await imports.dryRunHistory(ctx, people)
            : await imports.dryRunImport(ctx, catalogReq);
      return { dry };
    } finally {
      clearInterval(ticker);
    }
  }
  const job =
    o.kind === 'customers'
      ? await imports.importCustomers(ctx, people)
      : o.kind === 'orders'
        ? await imports.importHistory(ctx, people)
        : await imports.runImport(ctx, catalogReq);
  return { job, rejections: await services.catalog.listImportRejections(ctx, job.id, { limit: 20 }) };
}

function printDryRun(dry: DryRunReport): void {
  const counts = Object.entries(dry.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(
    `dry run ${dry.status}: ${dry.rowsAccepted} rows would be stored (${counts || 'none'}), ${dry.rowsRejected} rejected; nothing was written`,
  );
  if (dry.error) console.log(`  stopped: ${dry.error}`);
  const rejected = dry.lines.filter((l) => l.result === 'rejected');
  for (const r of rejected.slice(0, 50)) console.log(`  line ${r.line}: ${r.reasons?.join('; ')}`);
  if (rejected.length > 50) console.log(`  … ${rejected.length - 50} more rejected lines`);
  if (dry.status === 'failed' || rejected.length) process.exitCode = 1;
}

function printJob(job: ImportJob, rejections: ImportRejection[]): void {
  const counts = Object.entries(job.counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(
    `import ${job.id} ${job.status}: ${job.rowsAccepted} rows stored (${counts || 'none'}), ${job.rowsRejected} rejected`,
  );
  if (job.error) console.log(`  stopped: ${job.error}`);
  for (const r of rejections) console.log(`  line ${r.line}: ${r.reasons.join('; ')}`);
  if (job.rowsRejected > rejections.length) {
    console.log(`  … the whole report: GET /api/imports/${job.id}/rejections`);
  }
  if (job.status === 'failed') process.exitCode = 1;
}

export function addImportCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('import <file>')
    .description(
      "import a CSV or NDJSON file: the catalog and stock (default), customers or order history; the hub's own columns or a Shopify/WooCommerce export",
    )
    .option('--kind <kind>', 'catalog, customers or orders', 'catalog')
    .option('--format <format>', 'csv or ndjson (default: from the file name)')
    .option(
      '--channel <code>',
      'customers/orders: their channel; catalog exports: the channel Published lists on',
    )
    .option(
      '--connector <id>',
      'orders: the inbound connector whose webhooks deliver the same orders (needs --url)',
    )
    .option('--price-list <code>', "a platform's product export: the price list its prices go to")
    .option('--location <code>', "a platform's product export: the location its stock is on hand at")
    .option('--dry-run', 'validate only: report every line and write nothing')
    .option('--url <url>', 'send it to a running hub instead of opening the database')
    .option('--key <key>', "an API key with the import's write scope for --url (or OMNIHUB_KEY)")
    .action(async (file: string, o: ImportOpts) => {
      if (!['catalog', 'customers', 'orders'].includes(o.kind))
        throw new Error('--kind is catalog, customers or orders');
      const format = formatOf(file, o.format);
      const size = statSync(file).size;
      // The progress bar loads with the command that shows it, not with every `omnihub` command.
      const { default: progress } = await import('cli-progress');
      const bar = new progress.SingleBar(
        {
          format: o.dryRun
            ? ` validating {bar} {percentage}% ${o.url ? 'sent' : 'read'}`
            : o.url
              ? ' importing {bar} {percentage}% read | {rows} rows, {rejected} rejected | {sent}% sent'
              : ' importing {bar} {percentage}% | {rows} rows, {rejected} rejected',
          hideCursor: true,
          // Not a terminal (a CI log, a pipe): a line each second instead of nothing until the end.
          noTTYOutput: true,
          notTTYSchedule: 1000,
        },
        progress.Presets.shades_classic,
      );
      bar.start(size, 0, { rows: 0, rejected: 0, sent: 0 });
      const outcome = o.url
        ? await remoteImport(o, file, format, bar)
        : await withDatabase((ctx) => localImport(ctx, o, file, format, bar));
      const rows = 'dry' in outcome ? outcome.dry : outcome.job;
      bar.update(size, { rows: rows.rowsRead, rejected: rows.rowsRejected, sent: 100 });
      bar.stop();
      if ('dry' in outcome) printDryRun(outcome.dry);
      else printJob(outcome.job, outcome.rejections);
    });

  program
    .command('export')
    .description('export the catalog (products, variants, prices, listings) as CSV or NDJSON')
    .option('--format <format>', 'csv or ndjson', 'ndjson')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--url <url>', 'read from a running hub instead of opening the database')
    .option('--key <key>', 'an API key with catalog:read for --url (or OMNIHUB_KEY)')
    .action(async (o: RemoteOpts & { format: string; out?: string }) => {
      const format = formatOf('', o.format);
      const out = o.out ? createWriteStream(o.out) : process.stdout;
      if (o.url) {
        const res = await fetch(new URL(`/api/exports/catalog?format=${format}`, o.url), {
          headers: { authorization: `Bearer ${remoteKey(o)}` },
        });
        if (!res.ok || !res.body) throw new Error(`${res.status}: ${await res.text()}`);
        await pipeline(Readable.fromWeb(res.body as never), out);
        return;
      }
      const [{ createServices }, { exportCatalog }] = await Promise.all([
        import('./app.js'),
        import('./flows/import-export/index.js'),
      ]);
      await withDatabase((ctx) => pipeline(exportCatalog(ctx, createServices(), format), out));
    });
}
