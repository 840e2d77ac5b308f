// Events the carts module emits; subject is the cart id. Payloads carry the profile and anonymous id
// so the customers module can follow carts (cart abandoner) without reading our tables.
export const CART_EVENTS = {
  created: 'cart.created',
  lineAdded: 'cart.line_added',
  lineChanged: 'cart.line_changed',
  lineRemoved: 'cart.line_removed',
  repriced: 'cart.repriced',
  deliveryChosen: 'cart.delivery_chosen',
  identified: 'cart.identified',
  merged: 'cart.merged',
  holdsLost: 'cart.holds_lost',
  checkedOut: 'cart.checked_out',
  abandoned: 'cart.abandoned',
} as const;
