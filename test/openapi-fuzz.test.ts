// A fuzz test from the OpenAPI document (reliability issue, part 2): for every route, requests built
// by fast-check from the route's own schemas (path parameters, query string, JSON body), some valid
// and some with one spot spoiled (NUL, unpaired surrogates, huge numbers, deep nesting, wrong types),
// with a fixed seed and a time budget per database. Every answer must be below 500 (503 only for a
// mail relay the test hub does not have), every refusal problem+json with a code, and no refused
// request may have written an event (each state change writes its events in its own transaction, so
// an event carrying a refused request's id would be a partial write).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { rows } from '../src/platform/db/database.js';
import { textArray } from '../src/platform/privacy/erasure-sql.js';
import { hostileArb, hostileLeaf, type JsonSchema, validArb } from './helpers/openapi-arbitraries.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

const SEED = 20261205;
/** Per database; the whole file stays well under a minute on both. */
const BUDGET_MS = Number(process.env.OMNIHUB_FUZZ_BUDGET_MS ?? 12_000);
/** Rounds of one hostile and one valid request per route, as far as the budget goes. */
const ROUNDS = 3;
/** Long-lived responses (SSE) and raw-body routes (signed bytes, streamed uploads) are not JSON APIs. */
const SKIPPED = [/\/stream$/, /^\/api\/inbound\/\{/, /^\/api\/imports$/, /^\/docs/, /^\/openapi\.json$/];
/** 5xx that are the truth on a test hub: no mail relay is configured. */
const EXPECTED_5XX = new Set(['mail_not_configured']);

type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Route = { method: string; path: string; op: Operation };

/** encodeURIComponent, except that an unpaired surrogate is sent as its WTF-8 bytes (as a hostile client would). */
function encodeAny(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const ID_SHAPE = /^[a-z]{2,5}_[0-9a-f]{32}$/;

/** Every prefixed id, SKU and code found in a few list answers: path parameters that name real records. */
function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (ID_SHAPE.test(value)) into.add(value);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'sku' || k === 'code') && typeof v === 'string') into.add(v);
      collectIds(v, into);
    }
  }
}

function requestArb(
  route: Route,
  known: string[],
  hostile: boolean,
): fc.Arbitrary<{
  url: string;
  body: unknown;
}> {
  const params = route.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathValue = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom('nope', 'ord_00000000000000000000000000000000') },
    { weight: hostile ? 2 : 0, arbitrary: hostileLeaf.map(String) },
  );
  const query = fc.record(
    Object.fromEntries(
      queryParams.map((p) => [
        p.name,
        hostile ? fc.oneof(validArb(p.schema), hostileLeaf) : validArb(p.schema),
      ]),
    ),
    { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
  );
  const schema = route.op.requestBody?.content?.['application/json']?.schema;
  const body = schema ? (hostile ? hostileArb(schema) : validArb(schema)) : fc.constant(undefined);
  return fc
    .tuple(fc.array(pathValue, { minLength: pathParams.length, maxLength: pathParams.length }), query, body)
    .map(([values, q, b]) => {
      let i = 0;
      const path = route.path.replace(/\{[^}]+\}/g, () => encodeAny(values[i++] ?? 'x'));
      const qs = Object.entries(q as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(
          ([k, v]) => `${encodeAny(k)}=${encodeAny(typeof v === 'object' ? JSON.stringify(v) : String(v))}`,
        )
        .join('&');
      return { url: qs ? `${path}?${qs}` : path, body: b };
    });
}

describeEachHub(
  'every route, fuzzed from its OpenAPI schemas',
  (t) => {
    it('answers below 500, problem+json on every refusal, and writes nothing when it refuses', async () => {
      const doc = (await t.api('GET', '/openapi.json')).body as {
        paths: Record<string, Record<string, Operation>>;
      };
      const routes: Route[] = Object.entries(doc.paths)
        .filter(([path]) => !SKIPPED.some((re) => re.test(path)))
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })));
      const known = new Set<string>();
      for (const list of ['/api/channels', '/api/orders', '/api/customers', '/api/catalog/products'])
        collectIds((await t.api('GET', list)).body, known);
      collectIds((await t.api('GET', '/api/inventory/locations')).body, known);
      const knownIds = [...known];

      const failures: string[] = [];
      const refused: string[] = [];
      let sent = 0;
      // Round by round over every route (hostile first, then valid, …) so that a slow machine still
      // sends each route something hostile before the budget runs out.
      const samples = routes.map((route, r) => ({
        hostile: fc.sample(requestArb(route, knownIds, true), { seed: SEED + 2 * r, numRuns: ROUNDS }),
        valid: fc.sample(requestArb(route, knownIds, false), { seed: SEED + 2 * r + 1, numRuns: ROUNDS }),
      }));
      const reached = new Set<number>();
      // The budget is for requests: building the samples above takes seconds on a loaded machine.
      const started = Date.now();
      outer: for (let round = 0; round < 2 * ROUNDS; round++) {
        for (const [r, route] of routes.entries()) {
          if (Date.now() - started > BUDGET_MS) break outer;
          const hostile = round % 2 === 0;
          const sample = (hostile ? samples[r]!.hostile : samples[r]!.valid)[Math.floor(round / 2)]!;
          const requestId = `fuzz-${r}-${round}`;
          let payload: string | undefined;
          try {
            payload = sample.body === undefined ? undefined : JSON.stringify(sample.body);
          } catch {
            continue; // too deep for JSON.stringify itself
          }
          const res = await t.hub.http.inject({
            method: route.method.toUpperCase() as 'GET',
            url: sample.url,
            headers: {
              authorization: `Bearer ${TEST_ADMIN_KEY}`,
              'x-request-id': requestId,
              ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(payload !== undefined ? { payload } : {}),
          });
          sent++;
          reached.add(r);
          const what = `${route.method.toUpperCase()} ${route.path} ${sample.url.slice(0, 120)} ${String(payload).slice(0, 160)}`;
          let parsed: { code?: unknown } = {};
          try {
            parsed = res.body ? JSON.parse(res.body) : {};
          } catch {
            // not JSON: checked below for refusals only
          }
          if (res.statusCode >= 500 && !EXPECTED_5XX.has(String(parsed.code))) {
            failures.push(`${res.statusCode} ${what} → ${res.body.slice(0, 200)}`);
          }
          if (res.statusCode >= 400) {
            refused.push(requestId);
            const type = String(res.headers['content-type']);
            if (!type.includes('application/problem+json') || typeof parsed.code !== 'string')
              failures.push(`${res.statusCode} not problem+json (${type}) ${what}`);
          }
        }
      }
      const covered = reached.size;
      const written = await rows<{ request_id: string; type: string }>(
        t.hub.database.db,
        sql`select request_id, type from events where request_id = any(${textArray(refused)})`,
      );
      for (const w of written) failures.push(`refused request ${w.request_id} wrote ${w.type}`);
      console.log(
        `[fuzz ${t.kind}] ${sent} requests over ${covered}/${routes.length} routes in ${Date.now() - started} ms, ${refused.length} refused`,
      );
      expect(failures).toEqual([]);
      expect(covered).toBeGreaterThan(routes.length / 2);
    }, 120_000);
  },
  { demo: true },
);
