// One-click unsubscribe (RFC 8058): the List-Unsubscribe link of every marketing email. POST (what
// mail clients send, body `List-Unsubscribe=One-Click`) records the denial at once; GET shows a page
// with one button that POSTs, so a link scanner's fetch never unsubscribes anyone. The token is
// HMAC-signed: a forged or altered one is refused with 404. The page speaks the browser's language
// (Accept-Language) among the hub's five.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { publicRoute } from '../../platform/http/route-policy.js';
import type { JourneysFlow } from './journeys.flow.js';
import { UNSUBSCRIBE_TEXTS, type UnsubscribeLanguage, unsubscribeLanguage } from './unsubscribe-texts.js';

const Params = z.object({ token: z.string().min(10).max(400) });
const page = (lang: UnsubscribeLanguage, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">${body}</body></html>`;

/** The language to answer in, with the headers that say so (caches keep one copy per language). */
function languageOf(request: FastifyRequest, reply: FastifyReply) {
  const lang = unsubscribeLanguage(request.headers['accept-language']);
  reply.header('content-language', lang);
  reply.header('vary', 'Accept-Language');
  return { lang, text: UNSUBSCRIBE_TEXTS[lang] };
}

export const unsubscribeRoutes =
  (flow: JourneysFlow): FastifyPluginAsyncZod =>
  async (app) => {
    // Mail clients post form-encoded bodies; the token in the path is all that counts.
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.get(
      '/unsubscribe/:token',
      {
        config: { policy: publicRoute('the signed link in a marketing email; GET only shows a button') },
        schema: { tags: ['journeys'], summary: 'The unsubscribe page of a marketing email', params: Params },
      },
      async (request, reply) => {
        const t = await flow.messaging.readUnsubscribeToken(request.ctx, request.params.token);
        if (!t) throw new AppError('not_found', 'This unsubscribe link is not valid');
        const { lang, text } = languageOf(request, reply);
        return reply
          .type('text/html; charset=utf-8')
          .send(
            page(
              lang,
              text.title,
              `<form method="post"><p>${text.question}</p><button type="submit" name="List-Unsubscribe" value="One-Click">${text.button}</button></form>`,
            ),
          );
      },
    );
    app.post(
      '/unsubscribe/:token',
      {
        config: {
          policy: publicRoute('RFC 8058 one-click unsubscribe: the HMAC-signed token is the credential'),
        },
        schema: { tags: ['journeys'], summary: 'One-click unsubscribe (RFC 8058)', params: Params },
      },
      async (request, reply) => {
        if (!(await flow.unsubscribe(request.ctx, request.params.token)))
          throw new AppError('not_found', 'This unsubscribe link is not valid');
        const { lang, text } = languageOf(request, reply);
        return reply.type('text/html; charset=utf-8').send(page(lang, text.doneTitle, `<p>${text.done}</p>`));
      },
    );
  };
