// Passwordless shopper sign-in: an emailed six-digit code opens a session bound to ONE customer
// profile, the one the customers module resolves the (now verified) email address to.
// The start answers the same whether or not the address is known: a code goes to any address, and
// the profile is found or created only when the code comes back.
import { AppError } from '../../kernel/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import {
  consumeSignInCode,
  issueSignInCode,
  openSession,
  revokeSession,
  type ShopperSession,
  SIGN_IN_CODE_POLICY,
} from '../../modules/shoppers/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';

export interface SignInDeps {
  customers: Pick<CustomersService, 'identify'>;
  mailer: Mailer;
}

const codeMail = (code: string) => ({
  subject: `Your sign-in code: ${code}`,
  text:
    `Your sign-in code is ${code}\n\n` +
    `It is valid for ${SIGN_IN_CODE_POLICY.ttlMs / 60_000} minutes. ` +
    'If you did not ask to sign in, ignore this message: nobody can sign in without the code.\n',
});

export function createSignInFlow(deps: SignInDeps) {
  return {
    /**
     * Makes a code and mails it after the answer is sent (so a slow relay neither delays nor
     * reveals anything). Without a relay the code goes to the log, never the address.
     */
    async start(ctx: Ctx, input: { email: string; channelId: string }): Promise<void> {
      const issued = await issueSignInCode(ctx, input);
      if (!issued) {
        ctx.log.info({ channelId: input.channelId }, 'sign-in code not sent: this address had its quota');
        return;
      }
      if (!deps.mailer.configured) {
        ctx.log.info({ channelId: input.channelId, signInCode: issued.code }, 'sign-in code (no SMTP relay)');
        return;
      }
      deps.mailer.send({ to: input.email, ...codeMail(issued.code) }).catch((err: unknown) => {
        ctx.log.error(
          { err: (err as Error).message, channelId: input.channelId },
          'sign-in code mail failed',
        );
      });
    },

    /** Trades a right code for a session; a wrong, used-up or expired one is refused (401). */
    async verify(ctx: Ctx, input: { email: string; channelId: string; code: string }) {
      if (!(await consumeSignInCode(ctx, input))) {
        throw new AppError(
          'sign_in_code_invalid',
          'The code is wrong, used up or expired; ask for a new one',
        );
      }
      const who = await deps.customers.identify(ctx, {
        channelId: input.channelId,
        identifiers: [{ type: 'email', value: input.email, trust: 'verified' }],
      });
      if (!who.ok) {
        throw new AppError('validation_failed', 'The email address is not usable', { issues: who.errors });
      }
      return openSession(ctx, { profileId: who.value.customerId, channelId: input.channelId });
    },

    signOut: (ctx: Ctx, session: ShopperSession) => revokeSession(ctx, session),
  };
}

export type SignInFlow = ReturnType<typeof createSignInFlow>;
