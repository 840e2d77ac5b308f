// Text no database column can hold, in a streamed import: a NUL, an unpaired UTF-16 surrogate (an
// NDJSON "\ud800") and runaway length. Each such row is reported with its line number and field
// (never its value), and the rows around it land: before, a NUL failed the whole chunk on PostgreSQL.
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const post = (t: TestHub, path: string, body: string, type: string) =>
  t.api('POST', path, { body, headers: { 'content-type': type } });

describeEachHub('per-row text checks in streamed imports', (t) => {
  beforeAll(async () => {
    const channel = await t.api('POST', '/api/channels', {
      body: { code: 'webshop', name: 'Webshop', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    expect(channel.status).toBe(201);
  });

  it('reports a catalog row with a NUL, a lone surrogate or over-long text by line and field; the rest lands', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, as another system's export would.
    const lines = [
      JSON.stringify({ kind: 'product', handle: 'first', title: 'First' }),
      JSON.stringify({ kind: 'product', handle: 'nul-title', title: 'Bad\u0000title' }),
      JSON.stringify({
        kind: 'product',
        handle: 'surrogate',
        title: 'Ok',
        description: 'half \ud800 a pair',
      }),
      JSON.stringify({ kind: 'product', handle: 'huge', title: 'Huge', description: 'x'.repeat(100_001) }),
      JSON.stringify({ kind: 'product', handle: 'last', title: 'Last' }),
    ];
    expect(lines[2]).toContain('\\ud800');
    const res = await post(t, '/api/imports?format=ndjson', `${lines.join('\n')}\n`, 'application/x-ndjson');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsAccepted: 2, rowsRejected: 3 });
    const report = (await t.api('GET', `/api/imports/${res.body.id}/rejections`)).body.items;
    expect(report.map((r: { line: number; reasons: string[] }) => [r.line, r.reasons])).toEqual([
      [2, ['title: contains a NUL character, which text cannot hold']],
      [3, ['description: contains an unpaired surrogate (\\uD800–\\uDFFF), which is not text']],
      [4, ['description: text longer than 100,000 characters']],
    ]);
    expect((await t.api('GET', '/api/catalog/products/first')).status).toBe(200);
    expect((await t.api('GET', '/api/catalog/products/last')).status).toBe(200);
    expect((await t.api('GET', '/api/catalog/products/nul-title')).status).toBe(404);
  });

  it('reports a customer CSV row with a NUL by line and field without its value; the others land', async () => {
    const file = [
      'email,first_name,last_name',
      'ana@example.com,Ana,Berg',
      'bo@example.com,B\u0000o,Lind',
      'cy@example.com,Cy,Holm',
      '',
    ].join('\n');
    const res = await post(t, '/api/imports/customers?channel=webshop', file, 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsAccepted: 2, rowsRejected: 1 });
    const report = (await t.api('GET', `/api/imports/${res.body.id}/rejections`)).body.items;
    expect(report).toEqual([
      expect.objectContaining({
        line: 3,
        reasons: ['first_name: contains a NUL character, which text cannot hold'],
      }),
    ]);
    expect(JSON.stringify(report)).not.toMatch(/bo@example|Lind/);
  });
});
