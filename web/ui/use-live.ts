// React hook over followEvents: calls `onEvent` for each live event of the given types and reports
// whether the app is live. Every hook of a page with the same key and route shares ONE stream,
// subscribed to the union of their types: a browser keeps at most six HTTP/1.1 connections per host
// for all its tabs, and one stream per component left a second till tab none for its requests.
// A hook may add query parameters to the shared stream (a till's `cart`); the stream reopens when they
// change and drops them when their last holder leaves.
import { useEffect, useRef, useState } from 'react';
import { useSession } from './key-gate.tsx';
import { followEvents, type LiveEvent, type LiveStatus, matchesTypes } from './stream.ts';

interface Subscriber {
  /** Empty: every event the stream carries. */
  types: string[];
  /** Query parameters this subscriber adds to the shared stream. */
  query?: Record<string, string>;
  onEvent(e: LiveEvent): void;
  onStatus(s: LiveStatus): void;
}

interface SharedStream {
  subscribers: Set<Subscriber>;
  /** The types the open stream asks for; null: every type. */
  types: Set<string> | null;
  /** The query parameters the open stream was opened with (JSON). */
  query: string;
  status: LiveStatus;
  stop: () => void;
}

/** The parameters the subscribers add (the first holder of a name wins). */
function queryOf(shared: SharedStream): Record<string, string> {
  const query: Record<string, string> = {};
  for (const s of shared.subscribers) for (const [k, v] of Object.entries(s.query ?? {})) query[k] ??= v;
  return query;
}

const streams = new Map<string, SharedStream>();

function open(shared: SharedStream, connection: { key: string; shopper?: boolean; path?: string }): void {
  shared.stop();
  const query = queryOf(shared);
  shared.query = JSON.stringify(query);
  shared.stop = followEvents({
    ...connection,
    ...(shared.types ? { types: [...shared.types] } : {}),
    ...(Object.keys(query).length ? { query } : {}),
    onEvent: (e) => {
      for (const s of shared.subscribers) if (matchesTypes(e.type, s.types)) s.onEvent(e);
    },
    onStatus: (status) => {
      shared.status = status;
      for (const s of shared.subscribers) s.onStatus(status);
    },
  });
}

function subscribe(
  connection: { key: string; shopper?: boolean; path?: string },
  subscriber: Subscriber,
): () => void {
  const id = JSON.stringify([connection.key, connection.shopper ?? false, connection.path ?? '']);
  let shared = streams.get(id);
  const fresh = !shared;
  if (!shared) {
    shared = { subscribers: new Set(), types: new Set(), query: '{}', status: 'connecting', stop: () => {} };
    streams.set(id, shared);
  }
  shared.subscribers.add(subscriber);
  // The stream is opened again only when it does not carry this subscriber's types yet.
  let widened = false;
  if (subscriber.types.length === 0) {
    widened = shared.types !== null;
    shared.types = null;
  } else if (shared.types) {
    for (const t of subscriber.types) {
      if (!shared.types.has(t)) {
        shared.types.add(t);
        widened = true;
      }
    }
  }
  if (fresh || widened || JSON.stringify(queryOf(shared)) !== shared.query) open(shared, connection);
  else subscriber.onStatus(shared.status);
  const current = shared;
  return () => {
    current.subscribers.delete(subscriber);
    if (current.subscribers.size === 0) {
      current.stop();
      streams.delete(id);
    } else if (JSON.stringify(queryOf(current)) !== current.query) open(current, connection);
  };
}

/** `shopper`: the signed-in shopper's own order events (/api/me/stream) instead of the app key's. */
export function useLiveEvents(
  types: string[],
  onEvent: (e: LiveEvent) => void,
  /** `enabled: false`: follow nothing (a key that may not read the stream, e.g. a storefront's). */
  opts: { shopper?: boolean; path?: string; enabled?: boolean; query?: Record<string, string> } = {},
): LiveStatus {
  const { api } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const typeKey = types.join(',');
  const enabled = opts.enabled ?? true;
  const queryKey = opts.query ? JSON.stringify(opts.query) : '';
  useEffect(() => {
    if (!enabled) return;
    return subscribe(
      {
        key: api.key,
        ...(opts.shopper ? { shopper: true } : {}),
        ...(opts.path ? { path: opts.path } : {}),
      },
      {
        types: typeKey ? typeKey.split(',') : [],
        ...(queryKey ? { query: JSON.parse(queryKey) as Record<string, string> } : {}),
        onEvent: (e) => handler.current(e),
        onStatus: setStatus,
      },
    );
  }, [api.key, typeKey, queryKey, opts.shopper, opts.path, enabled]);
  return status;
}
