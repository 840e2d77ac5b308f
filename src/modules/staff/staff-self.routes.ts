// What a member does for themselves: sign in with a code mailed to their work address (no password
// needed; the same answer whether or not the address is a member's) and change their own password
// (the current one required; their other sessions end, the one they use stays).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { clientAddressKey } from '../../platform/http/rate-limits.js';
import { type KeyPolicy, publicRoute } from '../../platform/http/route-policy.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { StaffService } from './staff.service.js';
import { Password } from './staff.types.js';
import { STAFF_CODE_POLICY } from './staff-codes.repository.js';
import { PASSWORD_LIMITS } from './staff-passwords.js';

const Email = z.string().trim().toLowerCase().email().max(320);
const ownSession: KeyPolicy = { scope: null, keys: ['staff'], channel: 'none' };

/** Per address and caller, like the password sign-in; the code's 5 guesses and mail quota do the rest. */
const limitPerAddress = (what: string) => ({
  max: 10,
  timeWindow: 60_000,
  hook: 'preValidation' as const,
  keyGenerator: (request: FastifyRequest) =>
    `${what}:${clientAddressKey(request.ip)}:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
});

const codeMail = (code: string) => ({
  subject: `Your Omnihub staff sign-in code: ${code}`,
  text:
    `Your staff sign-in code is ${code}\n\n` +
    `It is valid for ${STAFF_CODE_POLICY.ttlMs / 60_000} minutes and works once. ` +
    'If you did not ask to sign in, ignore this message: nobody can sign in without the code.\n',
});

export const staffSelfRoutes =
  (deps: {
    staff: StaffService;
    mailer: Mailer;
    /** Opens the session exactly as the password sign-in does (the till named, or none). */
    signIn(
      ctx: Ctx,
      member: Awaited<ReturnType<StaffService['checkSignInCode']>>,
      channel: string | undefined,
    ): Promise<unknown>;
    bearer(request: FastifyRequest): string | undefined;
    SignedIn: z.ZodType;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['staff'];
    app.post(
      '/staff/sign-in/code',
      {
        config: {
          policy: publicRoute('a staff member asks for a sign-in code mailed to their own work address'),
          rateLimit: limitPerAddress('staff-code'),
        },
        schema: {
          tags,
          summary: 'Mail a one-time six-digit sign-in code to a staff member',
          description:
            'Always 202, whether or not the address is a member’s. The code is valid 10 minutes, allows 5 guesses and is replaced by a new request; at most 5 codes an hour per member.',
          body: z.strictObject({ email: Email }),
          response: {
            202: z.object({ status: z.literal('code_sent_if_possible'), expiresInSeconds: z.number() }),
          },
        },
      },
      async (request, reply) => {
        const { ctx } = request;
        const issued = await deps.staff.issueSignInCode(ctx, request.body.email);
        if (issued && !deps.mailer.configured) {
          // Development without a relay: the code goes to the log (never the address).
          ctx.log.info(
            { staffId: issued.member.id, signInCode: issued.code },
            'staff sign-in code (no SMTP relay)',
          );
        } else if (issued) {
          // Sent after the answer: a slow relay neither delays nor reveals whether the address is known.
          deps.mailer.send({ to: issued.member.email, ...codeMail(issued.code) }).catch((err: unknown) => {
            ctx.log.error(
              { err: (err as Error).message, staffId: issued.member.id },
              'staff code mail failed',
            );
          });
        }
        return reply.code(202).send({
          status: 'code_sent_if_possible' as const,
          expiresInSeconds: STAFF_CODE_POLICY.ttlMs / 1000,
        });
      },
    );

    app.post(
      '/staff/sign-in/code/verify',
      {
        config: {
          policy: publicRoute('a staff member proves who they are with the code mailed to them'),
          rateLimit: limitPerAddress('staff-code-verify'),
        },
        schema: {
          tags,
          summary: 'Trade the mailed code for a staff session (at a till when `channel` is given)',
          description:
            'A wrong, used-up or expired code, or an unknown address, answers 401 staff_sign_in_failed.',
          body: z.strictObject({
            email: Email,
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/, 'six digits'),
            channel: z.string().min(1).max(100).optional(),
          }),
          response: { 200: deps.SignedIn },
        },
      },
      async (request) => {
        const member = await deps.staff.checkSignInCode(request.ctx, request.body.email, request.body.code);
        return deps.signIn(request.ctx, member, request.body.channel);
      },
    );

    app.post(
      '/staff/me/password',
      {
        config: { policy: ownSession },
        schema: {
          tags,
          summary: 'Change one’s own password (the current one required); other sessions end',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(PASSWORD_LIMITS.max),
            newPassword: Password,
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const token = deps.bearer(request);
        if (!token) return reply.code(204).send(null); // ownSession admits only bearer staff tokens
        await deps.staff.changeOwnPassword(
          request.ctx,
          token,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return reply.code(204).send(null);
      },
    );
  };
