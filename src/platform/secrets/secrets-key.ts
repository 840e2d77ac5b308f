// The secrets key's format, apart from the secret box: the configuration reads it, and whatever
// loads the configuration (a cluster's primary) need not load the database client with it.

/** OMNIHUB_SECRETS_KEY as 32 bytes: 64 hex digits or base64 (standard or url-safe). */
export function parseSecretsKey(text: string | undefined): Buffer | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const hex = /^[0-9a-fA-F]{64}$/.test(t);
  const key = hex ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32 || (!hex && !/^[A-Za-z0-9+/_-]{43}=?$/.test(t))) {
    throw new Error(
      'OMNIHUB_SECRETS_KEY must be 32 random bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)',
    );
  }
  return key;
}
