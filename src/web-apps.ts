// Serves the web apps (web/dist, built by `npm install` / `npm start`): /admin, /store/<channel>
// and /pos/<store> answer with their app's index.html (the apps route in the browser), assets under
// /web/. Public pages: the apps sign in through the API. Without a build the same routes answer a
// problem+json that says how to build, and the hub runs as usual.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './kernel/index.js';
import { sendProblem } from './platform/http/problem.js';
import { declarePluginRoutes, publicRoute } from './platform/http/route-policy.js';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));

const APPS = [
  { name: 'admin', routes: ['/admin', '/admin/*'] },
  { name: 'store', routes: ['/store/:channel', '/store/:channel/*'] },
  { name: 'pos', routes: ['/pos/:store', '/pos/:store/*'] },
] as const;

const PAGES = publicRoute('web app pages and assets; the apps sign in through the API');
const hidden = { schema: { hide: true }, config: { policy: PAGES } };

/**
 * The apps are Vite bundles: scripts, styles and API calls only from this origin, images also from
 * shops' CDNs (https) and data: URIs; never framed by another site (clickjacking of the admin and
 * the till), no MIME sniffing, no full URLs (with ?key=) in Referer headers to other sites.
 */
export const WEB_APP_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface WebAppOptions {
  /**
   * A storefront page's publishable key, language and head (Open Graph, JSON-LD), put into the page
   * so shoppers need no key in the URL and shared links preview; null: no storefront of that code.
   */
  storePage?: (
    request: FastifyRequest,
    code: string,
    path: string,
  ) => Promise<{ key: string; lang: string; head: string } | null>;
}

/** The store page with its key (a meta tag: the page's policy allows no inline script) and head. */
export function storeHtml(html: string, page: { key: string; lang: string; head: string }): string {
  const attr = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html
    .replace(/<html lang="[^"]*">/, `<html lang="${attr(page.lang)}">`)
    .replace(
      /<title>[^<]*<\/title>/,
      () => `${page.head}\n    <meta name="omnihub-publishable-key" content="${attr(page.key)}">`,
    );
}

/** The service worker's file in the build (a fixed name: its URL must not change between builds). */
export const STORE_SERVICE_WORKER = 'store-sw.js';

export function webAppsBuilt(dir: string): boolean {
  return APPS.every((app) => existsSync(`${dir}/${app.name}/index.html`));
}

export async function registerWebApps(
  http: FastifyInstance,
  dir: string = DEFAULT_WEB_DIR,
  opts: WebAppOptions = {},
): Promise<void> {
  http.get('/', hidden, async (_request, reply) => reply.redirect('/admin'));
  if (!webAppsBuilt(dir)) {
    const notBuilt = new AppError(
      'not_ready',
      'The web apps are not built. Run `npm run web:build` (npm install and npm start do it) and reload.',
      { details: { webDir: dir } },
    );
    for (const app of APPS) {
      for (const url of app.routes)
        http.get(url, hidden, (request, reply) => sendProblem(reply, request, notBuilt));
    }
    http.get('/web/*', hidden, (request, reply) => sendProblem(reply, request, notBuilt));
    return;
  }
  await http.register(async (assets) => {
    assets.addHook('onRoute', declarePluginRoutes(PAGES));
    await assets.register(fastifyStatic, {
      root: dir,
      prefix: '/web/',
      index: false,
      decorateReply: true,
      // The build writes .br and .gz copies (web/precompress.ts): sent to browsers that accept them.
      preCompressed: true,
      // File names under assets/ carry a content hash: cache them for good, never the HTML.
      setHeaders(reply, path) {
        reply.headers(WEB_APP_HEADERS);
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // The storefronts' service worker (web/store/sw.ts): served under /store/ so its scope holds
    // every storefront; never cached by HTTP, so a new build reaches shoppers at their next visit.
    assets.get('/store/sw.js', hidden, (_request, reply) =>
      reply
        .headers(WEB_APP_HEADERS)
        .header('cache-control', 'no-cache')
        .header('service-worker-allowed', '/store/')
        .type('text/javascript; charset=utf-8')
        .sendFile(STORE_SERVICE_WORKER),
    );
    // The pages live in the same plugin: reply.sendFile is decorated only inside it.
    for (const app of APPS) {
      const page = `${app.name}/index.html`;
      const send = (reply: FastifyReply) =>
        reply.headers(WEB_APP_HEADERS).header('cache-control', 'no-cache').sendFile(page);
      if (app.name === 'store' && opts.storePage) {
        const storePage = opts.storePage;
        const template = readFileSync(`${dir}/${page}`, 'utf8');
        for (const url of app.routes) {
          assets.get(url, hidden, async (request, reply) => {
            const { channel, '*': rest } = request.params as { channel: string; '*'?: string };
            const found = await storePage(request, channel, `/${rest ?? ''}`.replace(/\/+$/, '') || '/');
            if (!found) return send(reply);
            return reply
              .headers(WEB_APP_HEADERS)
              .header('cache-control', 'no-cache')
              .type('text/html; charset=utf-8')
              .send(storeHtml(template, found));
          });
        }
        continue;
      }
      for (const url of app.routes) assets.get(url, hidden, (_request, reply) => send(reply));
    }
  });
}
