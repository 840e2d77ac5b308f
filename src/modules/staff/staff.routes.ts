// HTTP routes of staff accounts: sign-in and sign-out, the signed-in member (/staff/me), and the
// management of members (admin role, or a secret key with `staff:write` such as the bootstrap admin
// key that creates the first admin).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { clientAddressKey } from '../../platform/http/rate-limits.js';
import {
  type CredentialResolver,
  type KeyPolicy,
  publicRoute,
  secretKeys,
} from '../../platform/http/route-policy.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { type SignInPlace, STAFF_TOKEN_PREFIX, type StaffService } from './staff.service.js';
import { CreateStaffMember, StaffMember, StaffSignIn, UpdateStaffMember } from './staff.types.js';
import { staffSelfRoutes } from './staff-self.routes.js';

export interface StaffRouteDeps {
  staff: StaffService;
  /** Mails sign-in codes (without a relay they go to the log). */
  mailer: Mailer;
  /** The till a member names at sign-in (store channel id or code), or null when there is none. */
  placeOf(ctx: Ctx, channel: string): Promise<SignInPlace | null>;
}

const ownSession: KeyPolicy = { scope: null, keys: ['staff'], channel: 'none' };

const bearerToken = (request: FastifyRequest): string | undefined => {
  const h = request.headers.authorization;
  const token = h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
  return token?.startsWith(STAFF_TOKEN_PREFIX) ? token : undefined;
};

/**
 * For the auth hook: a bearer `ohst_` token is a staff session (the admin and the till send it like
 * a key; no cookie, so no request another site makes carries it); null when it is no live session.
 */
export function staffSessionResolver(staff: StaffService): CredentialResolver {
  // No promise for a request without a staff token: every API-key request asks this first.
  return (request) => {
    const token = bearerToken(request);
    if (!token) return undefined;
    return staff.resolveToken(request.ctx, token).then((session) => session?.actor ?? null);
  };
}

const SignedIn = z.object({
  token: z.string().describe('send as `Authorization: Bearer <token>`'),
  expiresAt: z.date(),
  channelId: z.string().nullable(),
  staff: StaffMember,
});

export const staffRoutes =
  (deps: StaffRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    /** A session for a member whose credentials (password or mailed code) were right. */
    const signIn = async (ctx: Ctx, member: StaffMember, channel: string | undefined) => {
      let place: SignInPlace | null = null;
      if (channel) {
        place = await deps.placeOf(ctx, channel);
        if (!place) {
          throw new AppError('validation_failed', `No store channel ${channel}`, {
            issues: [{ path: 'body.channel', message: 'no store channel with this id or code' }],
          });
        }
      }
      const { token, session } = await deps.staff.openSession(ctx, member, place);
      return { token, expiresAt: session.expiresAt, channelId: session.channelId, staff: member };
    };
    const tags = ['staff'];
    app.post(
      '/staff/sign-in',
      {
        config: {
          policy: publicRoute('staff prove who they are with their own email address and password'),
          // Per address and account: one shop's clerks share an address; the account lock (5 wrong
          // passwords) and the hub's per-address budget bound guessing across accounts.
          rateLimit: {
            max: 10,
            timeWindow: 60_000,
            hook: 'preValidation', // after the body is read: the key names the account
            keyGenerator: (request: FastifyRequest) =>
              `staff-sign-in:${clientAddressKey(request.ip)}:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
          },
        },
        schema: {
          tags,
          summary: 'Sign a staff member in (at a till when `channel` is given); answers a bearer token',
          description:
            'A wrong address, a wrong password, a disabled or locked account all answer 401 staff_sign_in_failed. Five wrong passwords in a row lock the account for 15 minutes. A session ends 4 h after its last use, 12 h after sign-in at the latest.',
          body: StaffSignIn,
          response: { 200: SignedIn },
        },
      },
      async (request) => {
        const { email, password, channel } = request.body;
        const member = await deps.staff.checkCredentials(request.ctx, email, password);
        return signIn(request.ctx, member, channel);
      },
    );
    await app.register(
      staffSelfRoutes({ staff: deps.staff, mailer: deps.mailer, signIn, bearer: bearerToken, SignedIn }),
    );

    app.post(
      '/staff/sign-out',
      {
        config: { policy: ownSession },
        schema: {
          tags,
          summary: 'End the staff session the request is made with',
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const token = bearerToken(request);
        if (token) await deps.staff.signOut(request.ctx, token);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/staff/me',
      {
        config: { policy: ownSession },
        schema: {
          tags,
          summary: 'The signed-in staff member, their scopes and the till they signed in at',
          response: { 200: StaffMember.extend({ channelId: z.string().nullable() }) },
        },
      },
      async (request) => ({
        ...(await deps.staff.getMember(request.ctx, request.ctx.actor.id)),
        channelId: request.ctx.actor.channelId,
      }),
    );

    app.get(
      '/staff',
      {
        config: { policy: secretKeys('staff:read', 'unbound') },
        schema: {
          tags,
          summary: 'Every staff member',
          response: { 200: z.object({ items: z.array(StaffMember) }) },
        },
      },
      async (request) => ({ items: await deps.staff.listMembers(request.ctx) }),
    );

    app.post(
      '/staff',
      {
        config: { policy: secretKeys('staff:write', 'unbound') },
        schema: {
          tags,
          summary: 'Add a staff member with a role (and a first password)',
          body: CreateStaffMember,
          response: { 201: StaffMember },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await deps.staff.createMember(request.ctx, request.body)),
    );

    app.get(
      '/staff/:id',
      {
        config: { policy: secretKeys('staff:read', 'unbound') },
        schema: {
          tags,
          summary: 'One staff member',
          params: z.object({ id: z.string() }),
          response: { 200: StaffMember },
        },
      },
      async (request) => deps.staff.getMember(request.ctx, request.params.id),
    );

    app.patch(
      '/staff/:id',
      {
        config: { policy: secretKeys('staff:write', 'unbound') },
        schema: {
          tags,
          summary: "Change a member's name, role, stores or password, or disable them (their sessions end)",
          params: z.object({ id: z.string() }),
          body: UpdateStaffMember,
          response: { 200: StaffMember },
        },
      },
      async (request) => {
        if (request.params.id === request.ctx.actor.id && request.body.active === false) {
          throw new AppError('validation_failed', 'You cannot disable your own account', {
            issues: [{ path: 'body.active', message: 'not for your own account' }],
          });
        }
        return deps.staff.updateMember(request.ctx, request.params.id, request.body);
      },
    );
  };
