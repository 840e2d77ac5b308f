// React hook over followEvents: calls `onEvent` for each live event of the given types and reports
// whether the app is live.
import { useEffect, useRef, useState } from 'react';
import { useSession } from './key-gate.tsx';
import { followEvents, type LiveEvent, type LiveStatus } from './stream.ts';

/** `shopper`: the signed-in shopper's own order events (/api/me/stream) instead of the app key's. */
export function useLiveEvents(
  types: string[],
  onEvent: (e: LiveEvent) => void,
  opts: { shopper?: boolean; path?: string } = {},
): LiveStatus {
  const { api } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const typeKey = types.join(',');
  useEffect(() => {
    return followEvents({
      key: api.key,
      ...(opts.shopper ? { shopper: true } : {}),
      ...(opts.path ? { path: opts.path } : {}),
      types: typeKey ? typeKey.split(',') : [],
      onEvent: (e) => handler.current(e),
      onStatus: setStatus,
    });
  }, [api.key, typeKey, opts.shopper, opts.path]);
  return status;
}
