// The wallet's service contract: what its callers (flows, routes) ask of it and the shapes they pass.
import type { Result } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { EarnRequest } from './earn-decision.js';
import type { EarnLine, PointsLine } from './loyalty-rules.js';
import type {
  CustomerWallet,
  DebitRefused,
  EntryKind,
  IssueGiftCard,
  LoyaltyRules,
  WalletAccount,
  WalletEntry,
} from './wallet.types.js';

export interface Debit {
  accountId: string;
  amount: number;
  ref: string;
  orderId?: string | null;
  channelId?: string | null;
  /** For points paying money: the money they pay. */
  moneyAmount?: number | null;
  currency?: string | null;
  /** Points per SKU (earning, or a return taking them back). */
  lines?: PointsLine[] | null;
}

export interface Credit extends Debit {
  kind: Extract<EntryKind, 'void' | 'refund' | 'adjust' | 'issue'>;
  reason?: string | null;
}

/** One wallet per customer: loyalty points, store credit and gift cards on one append-only ledger. */
export interface WalletService {
  /** The loyalty rules (the defaults until an admin sets them). */
  getRules(ctx: Ctx): Promise<LoyaltyRules>;
  /** Replaces the loyalty rules (tiers reached later follow the new thresholds). */
  setRules(ctx: Ctx, rules: LoyaltyRules): Promise<LoyaltyRules>;
  /** A customer's balances: the points of the surviving profile, store credit and gift cards of them all. */
  walletOf(ctx: Ctx, customerId: string, profileIds: readonly string[]): Promise<CustomerWallet>;
  /** Issues a gift card; the code is returned once and stored only as a hash. */
  issueGiftCard(
    ctx: Ctx,
    input: IssueGiftCard & { channelId: string | null },
  ): Promise<{ account: WalletAccount; code: string }>;
  /** Opens a store credit under the code a refund issued; a repeat (same id) changes nothing. */
  openStoreCredit(
    ctx: Ctx,
    input: {
      id: string;
      code: string;
      profileId: string | null;
      currency: string;
      amount: number;
      orderId: string | null;
      channelId: string | null;
    },
  ): Promise<WalletAccount | null>;
  /**
   * The gift card or store credit of a code. Unknown codes count against the caller (`callerKey`):
   * past CODE_LOOKUP_LIMIT failures in a window every look-up is refused (429), known codes too.
   */
  findByCode(ctx: Ctx, code: string, callerKey: string): Promise<WalletAccount>;
  /** An account by id, or 404. */
  getAccount(ctx: Ctx, id: string): Promise<WalletAccount>;
  /** A customer's points account, or null before the first points. */
  pointsAccountOf(ctx: Ctx, profileId: string): Promise<WalletAccount | null>;
  /** The newest entries of an account. */
  entries(ctx: Ctx, accountId: string, limit?: number): Promise<WalletEntry[]>;
  /** An account's entries for one order. */
  entriesOfOrder(ctx: Ctx, accountId: string, orderId: string): Promise<WalletEntry[]>;
  /**
   * Takes `amount` off the balance (a tender): refused as a result when it is short, blocked or
   * expired, nothing written. The same ref again returns the entry already written.
   */
  debit(ctx: Ctx, d: Debit): Promise<Result<WalletEntry, DebitRefused>>;
  /** Puts `amount` on the balance; null when the ref was already written (exactly once). */
  credit(ctx: Ctx, c: Credit): Promise<WalletEntry | null>;
  /**
   * Points for a paid order by the loyalty rules (channel rate, category rates, tier multiplier),
   * opening the customer's points account on first use; a tier reached is a `loyalty.tier_reached`
   * event. Once per order. `orderLines` (with categories only when asked: the rules rate categories)
   * splits the points over the order's SKUs on the entry, for returns to take back.
   */
  earnPoints(
    ctx: Ctx,
    input: {
      customerId: string;
      orderId: string;
      channelId: string;
      paid: number;
      currency: string;
      orderLines?: (withCategories: boolean) => Promise<{ lines: EarnLine[]; grand: number } | null>;
      /** The loyalty rules when the caller read them already (once for a run of orders). */
      rules?: LoyaltyRules;
    },
  ): Promise<WalletEntry | null>;
  /**
   * Points for a run of paid orders (each buyer's surviving profile, what was paid outside the
   * wallet, the order's lines), as earnPoints does one by one and in the given order, in one short
   * transaction of a few statements. Per request its entry, or null (nothing earned, or earned before).
   */
  earnForOrders(
    ctx: Ctx,
    requests: readonly EarnRequest[],
    rules: LoyaltyRules,
  ): Promise<Array<WalletEntry | null>>;
  /**
   * Takes back the points an order earned in proportion `amount / of` (a refund of part of it), never
   * more than it earned in all and never below zero; once per ref.
   */
  reversePoints(
    ctx: Ctx,
    input: { orderId: string; ref: string; amount: number; of: number },
  ): Promise<WalletEntry | null>;
  /**
   * A return takes back what its units earned: per SKU its share of the points the order's lines
   * earned (returnedPoints; the SKUs on the earn entry), never more than the order earned in all and
   * never below zero; once per return. An order earned before points were kept per SKU gives back
   * `refunded / grand` of its points instead. The entry records the units even when they take no
   * point (a third of a point, or points already spent), so later returns round against them.
   */
  reverseReturn(
    ctx: Ctx,
    input: {
      orderId: string;
      returnId: string;
      lines: ReadonlyArray<{ sku: string; quantity: number }>;
      refunded: number;
      grand: number;
    },
  ): Promise<WalletEntry | null>;
  /**
   * Points expiry by the rules (`pointsExpireAfterDays`): each account's unspent points older than
   * that go with an `expire` entry (a wallet.debited event, entryKind expire), once per account and
   * day (the ref names the day). Returns how many accounts lost points.
   */
  expirePoints(ctx: Ctx): Promise<number>;
  /** An admin's correction with a reason; a debit beyond the balance is refused (409). */
  adjust(ctx: Ctx, accountId: string, amount: number, reason: string): Promise<WalletEntry>;
}
