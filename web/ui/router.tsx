// A tiny history-API router: each app lives under a base path (/admin, /store/<channel>,
// /pos/<store>) and the hub answers every path below it with the app's index.html.
import {
  type AnchorHTMLAttributes,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from 'react';

interface RouterState {
  base: string;
  /** The path below the base, always starting with '/'. */
  path: string;
  query: URLSearchParams;
  navigate(to: string, opts?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState | null>(null);

function currentPath(base: string): string {
  const p = window.location.pathname;
  const rest = p.startsWith(base) ? p.slice(base.length) : p;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

export function Router({ base, children }: { base: string; children: ReactNode }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const onPop = () => setTick((n) => n + 1);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const state: RouterState = {
    base,
    path: currentPath(base),
    query: new URLSearchParams(window.location.search),
    navigate(to, opts) {
      const url = to.startsWith('/') ? `${base}${to === '/' ? '' : to}` || '/' : to;
      if (opts?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      setTick((n) => n + 1);
      window.scrollTo(0, 0);
    },
  };
  return <RouterContext.Provider value={state}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRouter outside <Router>');
  return r;
}

/** Matches `pattern` (segments, `:name` captures) against the current path. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const seg = a[i]!;
    const val = b[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
}

/** A real link (works with middle-click and the keyboard) that navigates inside the app. */
export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const r = useRouter();
  const href = `${r.base}${to === '/' ? '' : to}` || '/';
  const active = r.path === to || (to !== '/' && r.path.startsWith(`${to}/`));
  return (
    <a
      {...rest}
      href={href}
      aria-current={active ? 'page' : undefined}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        r.navigate(to);
      }}
    >
      {children}
    </a>
  );
}
