import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { AppError } from '../../kernel/index.js';
import { catalogMigrations, createCatalogService, type ImportJob } from '../../modules/catalog/index.js';
import { channelsMigrations, createChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { exportCatalog } from './export.flow.js';
import { createImportFlow } from './import.flow.js';
import { parseImportRow } from './import-rows.js';

const catalog = createCatalogService();
const channels = createChannelsService({ priceListCurrency: catalog.priceListCurrency });
const onHand = new Map<string, number>();
const inventory = {
  async getLocation(_ctx: Ctx, ref: string) {
    if (ref !== 'warehouse-main') throw new AppError('not_found', `no location ${ref}`);
    return { id: 'loc_main' };
  },
  async setOnHandMany(_ctx: Ctx, entries: Array<{ sku: string; locationId: string; quantity: number }>) {
    for (const e of entries) onHand.set(`${e.locationId}/${e.sku}`, e.quantity);
    return [];
  },
};
const imports = createImportFlow({ channels, catalog, inventory });
const exportDeps = {
  catalog,
  channels,
  inventory: {
    listLocations: async () => [{ id: 'loc_main', code: 'warehouse-main' }],
    levelsAtLocation: async (
      _ctx: Ctx,
      locationId: string,
      opts: { after?: string | undefined; limit: number },
    ) =>
      [...onHand]
        .map(([key, quantity]) => ({
          location: key.split('/')[0]!,
          sku: key.split('/')[1]!,
          onHand: quantity,
        }))
        .filter((l) => l.location === locationId && (!opts.after || l.sku > opts.after))
        .sort((a, b) => a.sku.localeCompare(b.sku))
        .slice(0, opts.limit),
  },
};

const CSV = `kind,handle,locale,title,description,categories,media,sku,options,price_list,channel,currency,amount,published,location,quantity
product,trail-shoe,en,Trail shoe,"Grippy, light",shoes|trail,https://img.example/ts.jpg,,,,,,,,,
product,trail-shoe,nl,Trailschoen,,,,,,,,,,,,
variant,trail-shoe,,,,,,TS-42,size=42,,,,,,,
variant,trail-shoe,,,,,,TS-43,size=43,,,,,,,
variant,nowhere,,,,,,NW-1,,,,,,,,
variant,trail-shoe,,,,,,TS-42,size=44,,,,,,,
price,,,,,,,TS-42,,eur,,EUR,12900,,,
price,,,,,,,TS-43,,eur,,SEK,12900,,,
price,,,,,,,TS-43,,eur,,EUR,-5,,,
price,,,,,,,TS-43,,eur,,EUR,129.50,,,
price,,,,,,,TS-43,,web,,EUR,12500,,,
price,,,,,,,TS-43,,,web,EUR,11900,,,
listing,trail-shoe,,,,,,,,,web,,,true,,
listing,trail-shoe,,,,,,,,,mars,,,true,,
stock,,,,,,,TS-42,,,,,,,warehouse-main,12
stock,,,,,,,TS-42,,,,,,,the-moon,3
stock,,,,,,,TS-99,,,,,,,warehouse-main,3
bogus,,,,,,,,,,,,,,,
`;

describeEachDatabase('import and export', [channelsMigrations, catalogMigrations], (t) => {
  it('stores every valid row and reports each bad one with its line and reasons', async () => {
    const ctx = t.ctx();
    await catalog.createPriceList(ctx, { code: 'eur', name: 'EUR', currency: 'EUR' });
    await channels.createChannel(ctx, {
      code: 'web',
      name: 'Web',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
    });
    const progress: ImportJob[] = [];
    const job = await imports.runImport(ctx, {
      format: 'csv',
      input: Readable.from([CSV.slice(0, 300), CSV.slice(300)]),
      bytesTotal: Buffer.byteLength(CSV),
      chunkSize: 4,
      onProgress: (j) => progress.push(j),
    });
    expect(job).toMatchObject({
      status: 'completed',
      rowsRead: 18,
      rowsAccepted: 8,
      rowsRejected: 10,
      progress: 1,
    });
    expect(job.counts).toEqual({ product: 2, variant: 2, price: 2, listing: 1, stock: 1 });
    expect(progress.length).toBeGreaterThan(2);
    const report = await catalog.listImportRejections(ctx, job.id, { limit: 100 });
    expect(report.map((r) => r.line)).toEqual([6, 7, 9, 10, 11, 12, 15, 17, 18, 19]);
    const reasons = Object.fromEntries(report.map((r) => [r.line, r.reasons.join('; ')]));
    expect(reasons[6]).toMatch(/no product nowhere/);
    expect(reasons[7]).toMatch(/SKU TS-42/);
    expect(reasons[9]).toMatch(/SEK/);
    expect(reasons[12]).toMatch(/no price list web/);
    expect(reasons[15]).toMatch(/no channel mars/);
    expect(reasons[17]).toMatch(/the-moon/);
    expect(reasons[18]).toMatch(/TS-99/);

    const product = await catalog.getProduct(ctx, 'trail-shoe');
    expect(product.content).toEqual({
      en: { title: 'Trail shoe', description: 'Grippy, light' },
      nl: { title: 'Trailschoen', description: '' },
    });
    expect(product.variants.map((v) => [v.sku, v.options.size])).toEqual([
      ['TS-42', '42'],
      ['TS-43', '43'],
    ]);
    expect(onHand.get('loc_main/TS-42')).toBe(12);
    const web = await channels.getChannel(ctx, 'web');
    const [shown] = await catalog.channelProducts(
      ctx,
      {
        channelId: web.id,
        currency: 'EUR',
        priceListId: (await catalog.getPriceList(ctx, 'eur')).id,
        locales: ['en'],
      },
      ['trail-shoe'],
    );
    expect(shown!.listed).toBe(true);
    expect(shown!.variants.map((v) => v.price?.amount)).toEqual([12900, 11900]);
  });

  it('has a line-numbered report for NDJSON too, and fails a CSV with an unknown header', async () => {
    const ctx = t.ctx();
    const ndjson = [
      JSON.stringify({ kind: 'product', handle: 'mug', title: 'Mug', locale: 'en', categories: ['kitchen'] }),
      '{not json',
      '',
      JSON.stringify({ kind: 'variant', handle: 'mug', sku: 'MUG-1', options: { color: 'blue' } }),
      JSON.stringify({ kind: 'price', sku: 'MUG-1', price_list: 'eur', currency: 'EUR', amount: 1.5 }),
    ].join('\n');
    const job = await imports.runImport(ctx, { format: 'ndjson', input: Readable.from([ndjson]) });
    expect(job).toMatchObject({ status: 'completed', rowsAccepted: 2, rowsRejected: 2 });
    const report = await catalog.listImportRejections(ctx, job.id, { limit: 10 });
    expect(report.map((r) => r.line)).toEqual([2, 5]);

    const bad = await imports.runImport(ctx, {
      format: 'csv',
      input: Readable.from(['kind,handle,colour\n']),
    });
    expect(bad.status).toBe('failed');
    expect(bad.error).toMatch(/unknown: colour/);
  });

  it('exports rows that import back as they are', async () => {
    const ctx = t.ctx();
    for (const format of ['csv', 'ndjson'] as const) {
      const out = await text(exportCatalog(ctx, exportDeps, format));
      const again = await imports.runImport(ctx, { format, input: Readable.from([out]) });
      expect(again).toMatchObject({ status: 'completed', rowsRejected: 0 });
      expect(again.counts).toEqual({ product: 3, variant: 3, price: 2, listing: 1, stock: 1 });
    }
    const ndjson = await text(exportCatalog(ctx, exportDeps, 'ndjson'));
    expect(
      ndjson
        .trim()
        .split('\n')
        .every((l) => parseImportRow(JSON.parse(l)).ok),
    ).toBe(true);
  });

  it('neutralises formula-like CSV cells on export and reads them back as the same text', async () => {
    const ctx = t.ctx();
    const title = '=HYPERLINK("https://evil.example","click")';
    await imports.runImport(ctx, {
      format: 'ndjson',
      input: Readable.from([
        `${JSON.stringify({ kind: 'product', handle: 'formula-shirt', locale: 'en', title, description: '@SUM(A1) +cmd|x' })}\n`,
      ]),
    });
    const csv = await text(exportCatalog(ctx, exportDeps, 'csv'));
    const line = csv.split('\n').find((l) => l.includes('formula-shirt'))!;
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(line).toContain("'@SUM(A1) +cmd|x");
    expect(line).not.toMatch(/,[=+@-]/);
    const verbatim = await text(exportCatalog(ctx, exportDeps, 'csv', { formulas: 'verbatim' }));
    expect(verbatim).toContain('"=HYPERLINK(');
    const again = await imports.runImport(ctx, { format: 'csv', input: Readable.from([csv]) });
    expect(again).toMatchObject({ status: 'completed', rowsRejected: 0 });
    const product = await catalog.getProduct(ctx, 'formula-shirt');
    expect(product.content.en?.title).toBe(title);
    expect(product.content.en?.description).toBe('@SUM(A1) +cmd|x');
  });
  it('fails a file that is not UTF-8 at the line where it stops being UTF-8, keeping the rows before', async () => {
    const ctx = t.ctx();
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    const csv = Buffer.concat([
      Buffer.from('kind,handle,locale,title\nproduct,utf-ok,en,Smörgås\n'),
      latin1('product,latin-1,en,Sm\xf6rg\xe5s\n'),
    ]);
    const ndjson = Buffer.concat([
      Buffer.from(
        `${JSON.stringify({ kind: 'product', handle: 'utf-ok-2', locale: 'en', title: 'Crème' })}\n`,
      ),
      Buffer.from('\n'),
      latin1(`${JSON.stringify({ kind: 'product', handle: 'latin-2', locale: 'en', title: 'Cr\xe8me' })}\n`),
    ]);
    for (const [format, file, line] of [
      ['csv', csv, 3],
      ['ndjson', ndjson, 3],
    ] as const) {
      const job = await imports.runImport(ctx, { format, input: Readable.from([file]), chunkSize: 1 });
      expect(job.status).toBe('failed');
      expect(job.error).toBe(`The file is not valid UTF-8 (line ${line}); save it as UTF-8 and import again`);
    }
    expect((await catalog.getProduct(ctx, 'utf-ok')).content.en?.title).toBe('Smörgås');
    await expect(catalog.getProduct(ctx, 'latin-1')).rejects.toThrow();
    await expect(catalog.getProduct(ctx, 'latin-2')).rejects.toThrow();
  });

  it("imports and exports each variant's stock policy (pre-order date, backorder limit)", async () => {
    const ctx = t.ctx();
    const csv = `kind,handle,locale,title,sku,stock_policy,available_from,backorder_limit
product,pre-boot,en,Pre boot,,,,
variant,pre-boot,,,PB-1,preorder,2027-03-01,
variant,pre-boot,,,PB-2,backorder,,5
variant,pre-boot,,,PB-3,preorder,,
variant,pre-boot,,,PB-4,later,2027-02-30,0
`;
    const job = await imports.runImport(ctx, { format: 'csv', input: Readable.from([csv]) });
    expect(job.rowsRejected).toBe(2);
    const report = await catalog.listImportRejections(ctx, job.id, { limit: 100 });
    expect(report.map((r) => r.line)).toEqual([5, 6]);
    const reasons = JSON.stringify(report);
    expect(reasons).toContain('pre-order needs its expected release date');
    for (const field of ['stock_policy', 'available_from', 'backorder_limit'])
      expect(reasons).toContain(field);
    const variants = (await catalog.getProduct(ctx, 'pre-boot')).variants;
    expect(variants.map((v) => [v.sku, v.stockPolicy, v.availableFrom, v.backorderLimit])).toEqual([
      ['PB-1', 'preorder', '2027-03-01', null],
      ['PB-2', 'backorder', null, 5],
    ]);

    const out = await text(exportCatalog(ctx, exportDeps, 'csv'));
    const header = out.split('\n')[0]!.split(',');
    const row = (sku: string) => {
      const cells = out
        .split('\n')
        .find((l) => l.includes(`,${sku},`))!
        .split(',');
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    };
    expect(row('PB-1')).toMatchObject({ stock_policy: 'preorder', available_from: '2027-03-01' });
    expect(row('PB-2')).toMatchObject({ stock_policy: 'backorder', backorder_limit: '5' });
    expect(row('TS-42')).toMatchObject({ stock_policy: '', available_from: '', backorder_limit: '' });
    const ndjson = await text(exportCatalog(ctx, exportDeps, 'ndjson'));
    const again = await imports.runImport(ctx, { format: 'ndjson', input: Readable.from([ndjson]) });
    expect(again).toMatchObject({ status: 'completed', rowsRejected: 0 });
  });
});
