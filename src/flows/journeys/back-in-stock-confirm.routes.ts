// The double opt-in link of a back-in-stock subscription typed in on a storefront. GET shows the
// question with one button that POSTs (a mail scanner's fetch of the link confirms nothing); POST
// activates the subscription and records the consent, once. The HMAC-signed token carries its expiry:
// a forged, altered, expired or used one gets the "not valid" page with 404. No personal data is
// shown: the page names only the product.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { BackInStockSubscription } from '../../modules/journeys/index.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import { CONFIRM_TEXTS } from './confirm-texts.js';
import type { JourneysFlow } from './journeys.flow.js';
import { UNSUBSCRIBE_LANGUAGES, type UnsubscribeLanguage, unsubscribeLanguage } from './unsubscribe-texts.js';

const Params = z.object({ token: z.string().min(10).max(400) });
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The subscription's language when it has one, else the browser's; with the headers that say so. */
function languageOf(request: FastifyRequest, reply: FastifyReply, sub: BackInStockSubscription | null) {
  const own = sub?.vars.locale;
  const lang = (UNSUBSCRIBE_LANGUAGES as readonly string[]).includes(own ?? '')
    ? (own as UnsubscribeLanguage)
    : unsubscribeLanguage(request.headers['accept-language']);
  reply.header('content-language', lang);
  reply.header('vary', 'Accept-Language');
  reply.header('cache-control', 'no-store');
  return { lang, text: CONFIRM_TEXTS[lang] };
}

const BUTTON = 'font:inherit;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#1f4f8f;color:#fff';

/** A link to the product in its channel's store (relative: the page is served by the hub). */
async function backLink(
  flow: JourneysFlow,
  request: FastifyRequest,
  sub: BackInStockSubscription,
  label: string,
) {
  const channel = await flow.deps.channels.findChannel(request.ctx, sub.channelId);
  if (!channel || !sub.vars.handle) return '';
  const href = `/store/${encodeURIComponent(channel.code)}/p/${encodeURIComponent(sub.vars.handle)}`;
  return `<p><a href="${escapeHtml(href)}">${label}</a></p>`;
}

function page(reply: FastifyReply, status: number, lang: string, title: string, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><main><h1>${title}</h1>${body}</main></body></html>`,
    );
}

/**
 * A link that is not (or no longer) valid: the page in the subscription's language for a browser,
 * problem+json for any other client (as every refusal of the API).
 */
function refuse(request: FastifyRequest, reply: FastifyReply, lang: string, title: string, text: string) {
  if (!String(request.headers.accept ?? '').includes('text/html')) throw new AppError('not_found', text);
  return page(reply, 404, lang, title, `<p>${text}</p>`);
}

export const backInStockConfirmRoutes =
  (flow: JourneysFlow): FastifyPluginAsyncZod =>
  async (app) => {
    // A browser's form post is form-encoded; the token in the path is all that counts.
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.get(
      '/back-in-stock/confirm/:token',
      {
        config: { policy: publicRoute('the signed double opt-in link mailed to an address; GET only asks') },
        schema: { tags: ['journeys'], summary: 'The page confirming a back-in-stock alert', params: Params },
      },
      async (request, reply) => {
        const sub = await flow.readBackInStockConfirmation(request.ctx, request.params.token);
        const { lang, text } = languageOf(request, reply, sub);
        if (sub?.status !== 'pending_confirmation')
          return refuse(request, reply, lang, text.invalidTitle, text.invalid);
        const product = escapeHtml(sub.vars.product ?? '');
        return page(
          reply,
          200,
          lang,
          text.title,
          `<form method="post"><p>${text.question.replace('{product}', product)}</p><button type="submit" style="${BUTTON}">${text.button}</button></form>`,
        );
      },
    );
    app.post(
      '/back-in-stock/confirm/:token',
      {
        config: {
          policy: publicRoute('double opt-in: the HMAC-signed, expiring, single-use token is the credential'),
        },
        schema: {
          tags: ['journeys'],
          summary: 'Confirm a back-in-stock alert (double opt-in)',
          params: Params,
        },
      },
      async (request, reply) => {
        const sub = await flow.confirmBackInStock(request.ctx, request.params.token);
        const { lang, text } = languageOf(request, reply, sub);
        if (!sub) return refuse(request, reply, lang, text.invalidTitle, text.invalid);
        const product = escapeHtml(sub.vars.product ?? '');
        return page(
          reply,
          200,
          lang,
          text.doneTitle,
          `<p role="status">${text.done.replace('{product}', product)}</p>${await backLink(flow, request, sub, text.back)}`,
        );
      },
    );
  };
