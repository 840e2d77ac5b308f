// HTTP routes of the wallet: a customer's balances for the till and the admin, the shopper's own,
// gift cards (sell, check a balance), the admin's adjustments and ledger, the loyalty rules.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CustomerWallet,
  IssueGiftCard,
  LoyaltyRules,
  WALLET_ACCOUNT_KINDS,
  WalletAccount,
  WalletEntry,
  type WalletService,
} from '../../modules/wallet/index.js';
import { clientAddressKey, routeRateLimit } from '../../platform/http/rate-limits.js';
import { browserKeys, type KeyPolicy, secretKeys } from '../../platform/http/route-policy.js';
import type { WalletFlow } from './wallet.flow.js';

const Params = z.object({ id: z.string().max(100) });
const tags = ['wallet'];
const myWallet: KeyPolicy = { scope: 'account:read', keys: ['shopper'], channel: 'none' };

const CodeBalance = z.object({
  kind: z.enum(WALLET_ACCOUNT_KINDS),
  codeHint: z.string().nullable(),
  balance: z.number().int(),
  currency: z.string().nullable(),
  status: z.enum(['active', 'blocked', 'expired']),
  expiresAt: z.date().nullable(),
});

export const walletRoutes =
  (deps: { flow: WalletFlow; wallet: WalletService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { flow } = deps;

    app.get(
      '/customers/:id/wallet',
      {
        config: { policy: secretKeys('wallet:read', 'own') },
        schema: {
          tags,
          summary:
            "A customer's wallet: points and tier, store credit, gift cards (merged profiles included)",
          description:
            'A channel-bound key (a till) reads it for a customer its channel has seen, as with their orders; 404 otherwise.',
          params: Params,
          response: { 200: CustomerWallet },
        },
      },
      async (request) => flow.customerWallet(request.ctx, request.params.id),
    );

    app.get(
      '/me/wallet',
      {
        config: { policy: myWallet },
        schema: {
          tags: [...tags, 'my account'],
          summary: "The signed-in shopper's wallet",
          response: { 200: CustomerWallet },
        },
      },
      async (request) => flow.myWallet(request.ctx),
    );

    app.post(
      '/gift-cards',
      {
        config: { policy: secretKeys('wallet:write', 'own') },
        schema: {
          tags,
          summary: 'Issue a gift card (sold at the till or online); the code is in this answer only',
          body: IssueGiftCard,
          response: { 201: z.object({ account: WalletAccount, code: z.string() }) },
        },
      },
      async (request, reply) => reply.code(201).send(await flow.issueGiftCard(request.ctx, request.body)),
    );

    app.post(
      '/gift-cards/balance',
      {
        // Codes are long, and unknown ones count against the caller: guessing stops after a few.
        config: { policy: browserKeys('carts:write', 'own'), rateLimit: routeRateLimit(30, 60) },
        schema: {
          tags,
          summary:
            'The balance of a gift card or store credit code (POST: the code stays out of URLs and logs)',
          description:
            '404 wallet_code_unknown; 429 wallet_lookups_limited after 10 unknown codes in 15 minutes.',
          body: z.strictObject({ code: z.string().min(4).max(100) }),
          response: { 200: CodeBalance },
        },
      },
      async (request) => flow.balanceOfCode(request.ctx, request.body.code, clientAddressKey(request.ip)),
    );

    app.get(
      '/wallet/accounts/:id/entries',
      {
        config: { policy: secretKeys('wallet:read', 'unbound') },
        schema: {
          tags,
          summary: "An account's ledger, newest first",
          params: Params,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
          response: { 200: z.object({ account: WalletAccount, items: z.array(WalletEntry) }) },
        },
      },
      async (request) => ({
        account: await deps.wallet.getAccount(request.ctx, request.params.id),
        items: await flow.entries(request.ctx, request.params.id, request.query.limit),
      }),
    );

    app.post(
      '/wallet/accounts/:id/adjustments',
      {
        config: { policy: secretKeys('wallet:write', 'unbound') },
        schema: {
          tags,
          summary: 'Correct a balance with a reason (a debit beyond the balance is refused, 409)',
          params: Params,
          body: z.strictObject({
            amount: z
              .number()
              .int()
              .min(-1_000_000_000)
              .max(1_000_000_000)
              .refine((n) => n !== 0, 'not 0')
              .describe('signed: points, or minor units'),
            reason: z.string().trim().min(1).max(500),
          }),
          response: { 201: WalletEntry },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await flow.adjust(request.ctx, request.params.id, request.body.amount, request.body.reason)),
    );

    app.get(
      '/wallet/loyalty-rules',
      {
        config: { policy: secretKeys('wallet:read', 'unbound') },
        schema: { tags, summary: 'The loyalty rules', response: { 200: LoyaltyRules } },
      },
      async (request) => deps.wallet.getRules(request.ctx),
    );

    app.put(
      '/wallet/loyalty-rules',
      {
        config: { policy: secretKeys('wallet:write', 'unbound') },
        schema: {
          tags,
          summary: 'Set the loyalty rules: points per unit and per channel, tiers, the value of a point',
          description:
            'Replaces all the rules, tiers included (code, name, the lifetime points that reach it, its points multiplier). 400 naming the field (body.tiers.1.threshold) for a bad value, or for a second tier with the same code or threshold (issue code `duplicate`); nothing is written.',
          body: LoyaltyRules,
          response: { 200: LoyaltyRules },
        },
      },
      async (request) => deps.wallet.setRules(request.ctx, request.body),
    );
  };
