// `omnihub import <file>` and `omnihub export`: bulk catalog and stock files, streamed, with a
// progress bar. Directly on the database (stop a PGlite hub first) or against a running hub (--url).
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { createServices } from './app.js';
import { exportCatalog } from './flows/import-export/index.js';
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

async function remoteImport(o: RemoteOpts, file: string, format: ImportFormat, bar: cliProgress.SingleBar) {
  const size = statSync(file).size;
  const input = createReadStream(file);
  let sent = 0;
  input.on('data', (chunk) => {
    sent += chunk.length;
    bar.update(sent);
  });
  const headers = {
    authorization: `Bearer ${remoteKey(o)}`,
    'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson',
    'content-length': String(size),
  };
  const url = new URL(`/api/imports?format=${format}&source=${encodeURIComponent(basename(file))}`, o.url);
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: Readable.toWeb(input) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  // biome-ignore lint/suspicious/noExplicitAny: problem+json or the job
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${res.status}: ${json.detail ?? JSON.stringify(json)}`);
  const report = await fetch(new URL(`/api/imports/${json.id}/rejections?limit=20`, o.url), { headers });
  return {
    job: json as ImportJob,
    rejections: ((await report.json()) as { items: ImportRejection[] }).items,
  };
}

export function addImportCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('import <file>')
    .description('import products, variants, prices, listings and stock from a CSV or NDJSON file')
    .option('--format <format>', 'csv or ndjson (default: from the file name)')
    .option('--url <url>', 'send it to a running hub instead of opening the database')
    .option('--key <key>', 'an API key with catalog:write for --url (or OMNIHUB_KEY)')
    .action(async (file: string, o: RemoteOpts & { format?: string }) => {
      const format = formatOf(file, o.format);
      const size = statSync(file).size;
      const bar = new cliProgress.SingleBar(
        {
          format: ' importing {bar} {percentage}% | {rows} rows, {rejected} rejected',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(size, 0, { rows: 0, rejected: 0 });
      const { job, rejections } = o.url
        ? await remoteImport(o, file, format, bar)
        : await withDatabase(async (ctx) => {
            const services = createServices();
            const done = await services.imports.runImport(ctx, {
              format,
              input: createReadStream(file),
              source: basename(file),
              bytesTotal: size,
              onProgress: (j) => bar.update(j.bytesRead, { rows: j.rowsRead, rejected: j.rowsRejected }),
            });
            return {
              job: done,
              rejections: await services.catalog.listImportRejections(ctx, done.id, { limit: 20 }),
            };
          });
      bar.update(size, { rows: job.rowsRead, rejected: job.rowsRejected });
      bar.stop();
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
      await withDatabase((ctx) => pipeline(exportCatalog(ctx, createServices(), format), out));
    });
}
