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
  unauthenticated: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'The API key lacks the required scope' },
  channel_forbidden: { status: 403, title: 'The API key is bound to another channel' },
  key_kind_forbidden: { status: 403, title: 'This kind of credential cannot call this route' },
  sign_in_code_invalid: { status: 401, title: 'The sign-in code is wrong, used up or expired' },
  cart_not_owned: { status: 403, title: 'This cart belongs to another shopper or device' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  insufficient_stock: { status: 409, title: 'Not enough stock' },
  illegal_transition: { status: 409, title: 'The order cannot make this state change' },
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
  merge_failed: { status: 409, title: 'The approved merge could not be done' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  idempotency_key_reused: {
    status: 422,
    title: 'This Idempotency-Key was used with a different request',
  },
  unprocessable: { status: 422, title: 'The request cannot be processed' },
  unknown_sku: { status: 422, title: 'No product variant has this SKU' },
  currency_mismatch: { status: 422, title: 'The currency does not match the price list or channel' },
  expression_failed: { status: 422, title: 'The JSONata expression failed' },
  expression_over_budget: { status: 422, title: 'The JSONata expression exceeded its time or size budget' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  mail_not_configured: { status: 503, title: 'No mail relay is configured' },
  database_unavailable: { status: 503, title: 'The database is unavailable' },
  not_ready: { status: 503, title: 'The hub is not ready' },
} as const satisfies Record<string, { status: number; title: string }>;

export type CatalogErrorCode = keyof typeof ERROR_CATALOG;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(
    code: string,
    message?: string,
    opts: { status?: number; title?: string; details?: Record<string, unknown>; issues?: FieldIssue[] } = {},
  ) {
    const known = (ERROR_CATALOG as Record<string, { status: number; title: string }>)[code];
    super(message ?? opts.title ?? known?.title ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? known?.status ?? 400;
    this.title = opts.title ?? known?.title ?? code;
    this.details = opts.details;
    this.issues = opts.issues;
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('not_found', `${what} ${id} was not found`, { details: { resource: what, id } });

export const validationError = (issues: FieldIssue[], message = 'The request is not valid') =>
  new AppError('validation_failed', message, { issues });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
