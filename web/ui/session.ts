// Where the apps keep the API key they log in with: the admin console in sessionStorage (gone
// when the tab closes), the storefront and the POS per channel in localStorage (a device setting).
export type KeyStore = 'session' | 'local';

const storage = (where: KeyStore): Storage => (where === 'session' ? sessionStorage : localStorage);

export function readKey(name: string, where: KeyStore): string | null {
  try {
    return storage(where).getItem(`omnihub.key.${name}`);
  } catch {
    return null;
  }
}

export function saveKey(name: string, where: KeyStore, key: string | null): void {
  if (key) storage(where).setItem(`omnihub.key.${name}`, key);
  else storage(where).removeItem(`omnihub.key.${name}`);
}

/** A key handed over in the URL (?key=…) is saved and removed from the address bar at once. */
export function takeKeyFromUrl(name: string, where: KeyStore): void {
  const url = new URL(window.location.href);
  const key = url.searchParams.get('key');
  if (!key) return;
  saveKey(name, where, key);
  url.searchParams.delete('key');
  window.history.replaceState(null, '', url.toString());
}
