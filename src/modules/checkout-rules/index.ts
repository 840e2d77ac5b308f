// Checkout rules: tax (per-country rates, prices including or excluding tax), shipping rates and
// fulfilment routing (where a shipped order leaves from). Pure decisions over plain data: no tables,
// no events, no other module. Flows pass in what the rules decide on (lines, rates, the tax country,
// candidate locations with their free stock) and write the outcome through the modules that own it.
import type { Ctx } from '../../platform/context.js';
import { ROUTING_STRATEGIES, type RoutingStrategy } from './routing.js';
import {
  type CheckoutRules,
  computeTotals,
  DEFAULT_RULES,
  type ShippingMethod,
  type ShippingPrice,
  shippingPrice,
  type Totals,
  type TotalsInput,
} from './totals.js';

export {
  type Candidate,
  type Destination,
  distanceKm,
  fewestShipments,
  nearestWithStock,
  ROUTING_STRATEGIES,
  type RoutedShipment,
  type RoutingResult,
  type RoutingStrategy,
  storePriority,
} from './routing.js';
export {
  type CheckoutRules,
  computeTotals,
  DEFAULT_RULES,
  type Discount,
  type DiscountHook,
  type PricedLine,
  type ShippingMethod,
  type ShippingPrice,
  type ShippingRefused,
  shippingPrice,
  type TaxRule,
  type Totals,
  type TotalsInput,
  type TotalsLine,
  taxOf,
} from './totals.js';

/** What the flows ask of the checkout rules. */
export interface CheckoutRulesService {
  /** The method by name, when it is offered in the currency; undefined otherwise. */
  shippingMethodIn(name: string, currency: string): ShippingMethod | undefined;
  /** The method's price for an items subtotal (free from its threshold), or why it is refused. */
  shippingPrice(method: string, currency: string, subtotal: number): ShippingPrice;
  /** Items, discounts, shipping and tax of a cart, in minor units. */
  computeTotals(ctx: Ctx, input: TotalsInput): Promise<Totals>;
  /** The routing strategy by name; an unknown name routes nearest with stock. */
  routingStrategy(name: string): RoutingStrategy;
}

/** The rules with a deployment's overrides (shipping methods, tax rules, the discount hook). */
export function createCheckoutRules(overrides: Partial<CheckoutRules> = {}): CheckoutRulesService {
  const rules: CheckoutRules = { ...DEFAULT_RULES, ...overrides };
  return {
    shippingMethodIn(name, currency) {
      const method = rules.shippingMethods[name];
      return method && method.rates[currency] !== undefined ? method : undefined;
    },
    shippingPrice: (method, currency, subtotal) => shippingPrice(rules, method, currency, subtotal),
    computeTotals: (ctx, input) => computeTotals(ctx, rules, input),
    routingStrategy: (name) => ROUTING_STRATEGIES[name] ?? ROUTING_STRATEGIES.nearest_with_stock!,
  };
}
