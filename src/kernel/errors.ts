// One table of coded errors: every failure a client can see has a stable code and an HTTP status.
// The HTTP layer renders AppError as RFC 9457 problem+json; nothing else leaks to clients.

export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

export const ERROR_CATALOG = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_body: { status: 400, title: 'The request body could not be parsed' },
  bad_request: { status: 400, title: 'The request could not be handled' },
  batch_too_large: { status: 400, title: 'The batch is larger than the API accepts' },
  unauthenticated: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'The API key lacks the required scope' },
  channel_forbidden: { status: 403, title: 'The API key is bound to another channel' },
  key_kind_forbidden: { status: 403, title: 'This kind of credential cannot call this route' },
  sign_in_code_invalid: { status: 401, title: 'The sign-in code is wrong, used up or expired' },
  staff_sign_in_failed: {
    status: 401,
    title: 'The email address or password is wrong, or the account cannot sign in',
  },
  staff_store_forbidden: { status: 403, title: 'This staff member does not work at this store' },
  price_override_needs_manager: { status: 403, title: 'Only a store manager may override a price' },
  manager_approval_failed: {
    status: 403,
    title: "The approving manager's credentials are wrong or they may not approve this",
  },
  cart_not_owned: { status: 403, title: 'This cart belongs to another shopper or device' },
  request_forbidden: { status: 403, title: 'The request was refused' },
  wallet_owner_unverified: {
    status: 403,
    title: "Only the signed-in customer (or a till that found them) can spend this customer's wallet",
  },
  profile_not_signed_in: {
    status: 403,
    title: 'A storefront key makes carts only for the signed-in shopper',
  },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  wallet_code_unknown: { status: 404, title: 'No gift card or store credit has this code' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  not_acceptable: { status: 406, title: 'The request asks for a form the route cannot give' },
  precondition_failed: { status: 412, title: 'A precondition of the request does not hold' },
  uri_too_long: { status: 414, title: 'The URI is too long' },
  range_not_satisfiable: { status: 416, title: 'The requested range cannot be served' },
  headers_too_large: { status: 431, title: 'The request headers are too large' },
  insufficient_stock: { status: 409, title: 'Not enough stock' },
  illegal_transition: { status: 409, title: 'The order cannot make this state change' },
  reservation_transition_refused: { status: 409, title: 'The reservation cannot make this state change' },
  fulfilment_not_open: { status: 409, title: 'The fulfilment is not open for this step' },
  payment_not_pending: { status: 409, title: 'The payment is not pending' },
  wallet_insufficient_balance: { status: 409, title: 'The balance is less than the amount asked for' },
  order_not_placed: { status: 409, title: 'The order could not be placed' },
  restock_failed: { status: 409, title: 'The returned goods could not be put back in stock' },
  cart_changed: { status: 409, title: 'The cart was changed by another request' },
  cart_not_active: { status: 409, title: 'The cart is checked out, merged or abandoned' },
  handoff_code_unavailable: { status: 409, title: 'No free handoff code was found; retry' },
  duplicate_sku: { status: 409, title: 'A SKU is already in use' },
  product_handle_taken: { status: 409, title: 'A product with this handle already exists' },
  price_list_code_taken: { status: 409, title: 'A price list with this code already exists' },
  channel_code_taken: { status: 409, title: 'A channel with this code already exists' },
  location_code_taken: { status: 409, title: 'A location with this code already exists' },
  staff_email_taken: { status: 409, title: 'A staff member already signs in with this address' },
  api_key_exists: { status: 409, title: 'An API key with this secret already exists' },
  key_revokes_itself: { status: 409, title: 'A key cannot revoke itself' },
  endpoint_disabled: { status: 409, title: 'The webhook endpoint is disabled' },
  delivery_not_parked: { status: 409, title: 'Only a parked delivery can be retried' },
  delivery_body_cleared: {
    status: 409,
    title: 'The raw body of the delivery was cleared after its retention',
  },
  payment_failed: { status: 402, title: 'The payment was refused' },
  payment_required: { status: 402, title: 'The order must be paid first' },
  payment_provider_disabled: { status: 422, title: 'This payment provider is not enabled on this hub' },
  payment_provider_not_accepted: { status: 422, title: 'The channel does not accept this payment provider' },
  payment_provider_forbidden: {
    status: 403,
    title: 'This kind of key may not pay with a provider that trusts the caller',
  },
  pickup_refused: { status: 422, title: 'The pickup was refused' },
  tender_refused: { status: 422, title: 'The payments do not settle the sale' },
  return_refused: { status: 422, title: 'The return was refused' },
  merge_refused: { status: 409, title: 'The merge breaks a merge protection rule' },
  same_customer: { status: 409, title: 'The profiles are already one customer' },
  merge_not_active: { status: 409, title: 'The merge was already undone' },
  review_already_decided: { status: 409, title: 'The merge review was already decided' },
  review_exists: { status: 409, title: 'This product of the order has a review already' },
  review_transition_refused: { status: 409, title: 'The review cannot make this state change' },
  merge_failed: { status: 409, title: 'The approved merge could not be done' },
  promotion_unavailable: { status: 409, title: 'A campaign or code in the cart can no longer be used' },
  coupon_code_taken: { status: 409, title: 'The coupon code is taken' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  idempotency_response_lost: {
    status: 409,
    title:
      'The request with this Idempotency-Key was carried out, but its response was lost when its node stopped: read the resource to see the outcome',
  },
  sale_in_progress: { status: 409, title: 'The till has a sale in progress: park it or finish it first' },
  sale_empty: { status: 422, title: 'An empty sale cannot be parked' },
  no_agent_available: { status: 409, title: 'No inbox agent is available for round-robin assignment' },
  conversation_merged: { status: 409, title: 'The conversation was merged into another one' },
  conversations_not_mergeable: { status: 409, title: 'These conversations cannot be merged' },
  reply_window_closed: { status: 409, title: "The channel's reply window has closed" },
  contact_not_allowed: {
    status: 409,
    title: 'The customer may not be contacted on this channel (consent withdrawn or suppressed)',
  },
  attachment_too_large: { status: 413, title: 'The attachment is larger than the hub accepts' },
  no_reply_address: { status: 422, title: 'The customer has no address on this channel' },
  channel_not_connected: { status: 422, title: 'No sender is set up for this channel' },
  template_not_approved: { status: 422, title: 'The platform has not approved this message template' },
  template_parameters_mismatch: {
    status: 422,
    title: 'The template takes a different number of parameters',
  },
  backup_not_embedded: {
    status: 409,
    title: 'This hub runs on a PostgreSQL server: back it up with pg_dump (docs/operations.md)',
  },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  idempotency_key_reused: {
    status: 422,
    title: 'This Idempotency-Key was used with a different request',
  },
  unknown_channel: { status: 422, title: 'There is no such channel' },
  unknown_price_list: { status: 422, title: 'There is no such price list' },
  unknown_location: { status: 422, title: 'There is no such location' },
  channel_without_locations: { status: 422, title: 'The channel has no stock location to sell from' },
  location_not_in_channel: { status: 422, title: 'The location does not feed this channel' },
  not_sold_on_channel: { status: 422, title: 'The SKU is not sold on this channel' },
  items_refused: { status: 422, title: 'Items of the batch were refused' },
  product_refused: { status: 422, title: 'The product or its variants were refused' },
  cart_empty: { status: 422, title: 'The cart is empty' },
  delivery_missing: { status: 422, title: 'Choose shipping, a pickup store or carry-out first' },
  pickup_store_unavailable: { status: 422, title: 'The location is not an active store for click & collect' },
  unknown_shipping_method: { status: 422, title: 'There is no such shipping method' },
  method_not_in_currency: { status: 422, title: "The shipping method is not offered in the cart's currency" },
  refund_refused: { status: 422, title: 'The payment provider refused the refund' },
  command_unavailable: { status: 422, title: 'This inbound command is not available in this hub yet' },
  connector_without_channel: { status: 422, title: 'The connector has no channel' },
  connector_without_location: { status: 422, title: 'The connector has no stock location' },
  customer_without_identifier: { status: 422, title: 'The customer has no usable identifier' },
  refund_exceeds_payments: { status: 422, title: 'The refund is more than what is left to refund' },
  order_without_email: { status: 422, title: 'The order has no email address' },
  coupon_refused: { status: 422, title: 'The coupon code cannot be used on this cart' },
  wallet_account_unusable: { status: 422, title: 'The gift card or wallet account is blocked or expired' },
  wallet_tender_refused: { status: 422, title: 'The wallet cannot pay this part of the sale' },
  unknown_sku: { status: 422, title: 'No product variant has this SKU' },
  currency_mismatch: { status: 422, title: 'The currency does not match the price list or channel' },
  expression_failed: { status: 422, title: 'The JSONata expression failed' },
  expression_over_budget: { status: 422, title: 'The JSONata expression exceeded its time or size budget' },
  rate_limited: { status: 429, title: 'Too many requests' },
  wallet_lookups_limited: { status: 429, title: 'Too many unknown codes were tried; wait and try again' },
  internal: { status: 500, title: 'Internal error' },
  mail_not_configured: { status: 503, title: 'No mail relay is configured' },
  platform_unreachable: { status: 502, title: 'The messaging platform did not answer' },
  database_unavailable: { status: 503, title: 'The database is unavailable' },
  not_ready: { status: 503, title: 'The hub is not ready' },
  connector_paused: { status: 503, title: 'The connector is paused' },
  audience_key_taken: { status: 409, title: 'An audience with this key exists' },
  computed_trait_key_taken: { status: 409, title: 'A computed trait with this trait key exists' },
  tracking_plan_schema_invalid: { status: 422, title: 'The JSON Schema of the tracking plan is not valid' },
  unknown_webhook_endpoint: { status: 422, title: 'No webhook endpoint has this id' },
} as const satisfies Record<string, { status: number; title: string }>;

/** Every code a client can see: a closed union, so a throw with an unknown code does not compile. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

/**
 * A failure with a code from ERROR_CATALOG; its status and title come from the catalog, so a throw
 * that needs another status needs another code.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly title: string;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(
    code: C,
    message?: string,
    opts: { details?: Record<string, unknown>; issues?: FieldIssue[] } = {},
  ) {
    const { status, title } = ERROR_CATALOG[code];
    super(message ?? title);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.details = opts.details;
    this.issues = opts.issues;
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('not_found', `${what} ${id} was not found`, { details: { resource: what, id } });

export const validationError = (issues: FieldIssue[], message = 'The request is not valid') =>
  new AppError('validation_failed', message, { issues });

/** True for an AppError (with one of `codes`, when given); narrows `e.code` to those codes. */
export function isAppError<C extends ErrorCode = ErrorCode>(e: unknown, ...codes: C[]): e is AppError<C> {
  return e instanceof AppError && (codes.length === 0 || codes.includes(e.code as C));
}
