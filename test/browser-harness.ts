// Browser tests: a hub listening on a real port with the demo retailer and a fresh build of the web
// apps, driven by headless Chromium (Debian's /usr/bin/chromium through playwright-core, which
// never downloads a browser). Without that binary the suites skip with a message, unless
// OMNIHUB_REQUIRE_SERVICES=1 (CI) where that is a failure.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { type HubConfig, loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import {
  createFreshPostgresDatabase,
  openFreshPglite,
  postgresTestUrl,
  testLog,
} from '../src/platform/testing/test-databases.js';
import { TEST_RUN_DIR_ENV } from './helpers/global-setup.js';

export const CHROMIUM = process.env.OMNIHUB_CHROMIUM ?? '/usr/bin/chromium';
export const ADMIN_KEY = 'ohk_browser_admin_key_0123456789abcdef';
const ROOT = join(import.meta.dirname, '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');
/**
 * For expect.poll on what a page shows after a change elsewhere: its default of 1 s fails on a loaded
 * machine (a revoke or a live update took longer there); the condition, not the time, is the test.
 */
export const LIVE = { timeout: 15_000 } as const;
/**
 * Screenshots of the pages the tests pass through (test-artifacts/browser/), for a person reviewing
 * the apps: OMNIHUB_TEST_SCREENSHOTS=1. Nothing reads them in a run, and a full-page one cost 0.3-0.9 s
 * of CPU (rendering the whole page and PNG encoding in Chromium): ~120 per run, about 7 % of the
 * browser files' CPU.
 */
export const SCREENSHOTS = process.env.OMNIHUB_TEST_SCREENSHOTS === '1';
/** An error code as the API spells it (`validation_failed`): a page must never show one. */
export const RAW_ERROR_CODE = /\b[a-z]+_[a-z_]+\b/;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One Chromium per test worker, shared by the browser suites the worker runs one after another
 * (files share the worker's module cache: isolate: false in vitest.config.ts); a launch and close per
 * suite were seconds each on a loaded machine. Each suite still browses in its own contexts (own
 * storage and cookies), all closed when it ends. Playwright kills the browser when the worker exits.
 */
let workerBrowser: Promise<Browser> | undefined;
async function sharedBrowser(): Promise<Browser> {
  const running = await workerBrowser?.catch(() => undefined);
  if (running?.isConnected()) return running;
  workerBrowser = chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return workerBrowser;
}

export interface BrowserHub {
  kind: 'pglite' | 'postgres';
  readonly hub: Hub;
  readonly base: string;
  readonly browser: Browser;
  /** A new browser profile (own storage), e.g. the shopper, the store clerk, the admin. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  /** Calls the API as the admin. */
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely, as in test-hub.ts
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Saves what the page shows, when screenshots are asked for (`SCREENSHOTS`). */
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
}

/**
 * The web apps built from the current source (never the served web/dist): once per test run into the
 * run directory of test/helpers/global-setup.ts, the first suite to need them building while the
 * others wait; a private build per suite when run without that setup.
 */
async function webAppsForRun(): Promise<{ dir: string; owned: boolean }> {
  const runDir = process.env[TEST_RUN_DIR_ENV];
  if (!runDir) {
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'test-artifacts', 'web-dist-'));
    await buildWebApps(dir);
    return { dir, owned: true };
  }
  const dir = join(runDir, 'web-dist');
  const built = join(runDir, 'web-dist.built');
  const failed = join(runDir, 'web-dist.failed');
  try {
    mkdirSync(dir); // whoever makes the directory builds
  } catch {
    for (let waited = 0; !existsSync(built); waited += 250) {
      if (existsSync(failed)) throw new Error(`the run's web build failed: ${readFileSync(failed, 'utf8')}`);
      if (waited > 170_000) throw new Error("waited too long for the run's web build");
      await new Promise((r) => setTimeout(r, 250));
    }
    return { dir, owned: false };
  }
  try {
    await buildWebApps(dir);
    writeFileSync(built, '');
  } catch (err) {
    writeFileSync(failed, String(err));
    throw err;
  }
  return { dir, owned: false };
}

async function buildWebApps(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'web/vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

export function describeBrowser(
  title: string,
  body: (t: BrowserHub) => void,
  /** Settings over the defaults; read when the hub starts (so a file's beforeAll may fill them in). */
  opts: { config?: Partial<HubConfig>; database?: 'pglite' | 'postgres' } = {},
): void {
  if (!existsSync(CHROMIUM)) {
    describe(title, () => {
      it(`needs Chromium at ${CHROMIUM}`, () => {
        console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
        expect(process.env.OMNIHUB_REQUIRE_SERVICES).not.toBe('1');
      });
    });
    return;
  }
  // One engine per browser suite: they test the apps, the storage suites test both engines. The
  // suites that choose PostgreSQL show the apps over it (LISTEN/NOTIFY live updates, a pool).
  const kinds: Array<'pglite' | 'postgres'> =
    opts.database === 'postgres' && postgresTestUrl() ? ['postgres'] : ['pglite'];
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, () => {
      let hub: Hub | undefined;
      let browser: Browser | undefined;
      let base = '';
      let webDir: string | undefined;
      let ownWebDir = false;
      let drop: (() => Promise<void>) | undefined;
      const contexts: BrowserContext[] = [];
      beforeAll(async () => {
        let url: string | undefined;
        if (kind === 'postgres') {
          const fresh = await createFreshPostgresDatabase(postgresTestUrl()!, { migrated: true });
          drop = fresh.drop;
          url = fresh.url;
        }
        const web = await webAppsForRun();
        webDir = web.dir;
        ownWebDir = web.owned;
        const config: HubConfig = {
          ...loadConfig({}),
          port: 0,
          host: '127.0.0.1',
          adminKey: ADMIN_KEY,
          demo: true,
          databaseUrl: url,
          natsUrl: undefined,
          staffPasswordCost: 10,
          ...opts.config,
        };
        const database = url
          ? await openDatabase({ databaseUrl: url })
          : await openFreshPglite({ migrated: true });
        hub = await createHub({ config, clock: systemClock, log: testLog as never, database, webDir });
        base = (await hub.listen()).replace('[::1]', '127.0.0.1');
        browser = await sharedBrowser();
        mkdirSync(ARTIFACTS, { recursive: true });
      }, 180_000);
      afterAll(async () => {
        // Every context of the shared browser is this suite's (suites in a worker run one at a time),
        // including those a test opened on t.browser itself.
        for (const c of [...contexts, ...(browser?.contexts() ?? [])]) await c.close().catch(() => {});
        await hub?.close();
        await hub?.database.close();
        await drop?.();
        if (webDir && ownWebDir) rmSync(webDir, { recursive: true, force: true });
      });
      body({
        kind,
        get hub() {
          if (!hub) throw new Error('hub not started yet');
          return hub;
        },
        get base() {
          return base;
        },
        get browser() {
          if (!browser) throw new Error('browser not started yet');
          return browser;
        },
        async newContext(viewport = { width: 1280, height: 800 }) {
          const c = await this.browser.newContext({ baseURL: base, viewport, locale: 'en-GB' });
          c.setDefaultTimeout(15_000);
          contexts.push(c);
          return c;
        },
        async api(method, path, payload) {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${ADMIN_KEY}`,
              ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
          });
          const text = await res.text();
          return { status: res.status, body: text ? JSON.parse(text) : undefined };
        },
        async screenshot(page, name, { fullPage = true } = {}) {
          if (!SCREENSHOTS) return;
          await page.screenshot({ path: join(ARTIFACTS, `${name}-${kind}.png`), fullPage });
        },
      });
    });
  }
}

/** Signs the admin console in with the admin key (the key form, not a staff account). */
export async function adminLogin(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin`);
  // Staff sign in with their email and password; the bootstrap key is behind this switch.
  await page.getByRole('button', { name: 'Use an API key instead (first start, automation)' }).click();
  await page.getByLabel('API key').fill(ADMIN_KEY);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}
