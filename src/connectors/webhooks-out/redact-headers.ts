// Dry-runs show the requests the hub would send; credentials in them stay secret. Any header whose
// name says it carries a credential is shown as `[redacted]` (authorization, cookies, API keys,
// tokens, secrets, signatures, passwords, sessions: e.g. Shopify's x-shopify-access-token).
const CREDENTIAL_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|signature|key|auth|password|session|credential/i;

export const REDACTED = '[redacted]';

export function redactCredentialHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, CREDENTIAL_HEADER.test(name) ? REDACTED : value]),
  );
}
