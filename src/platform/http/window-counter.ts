// A fixed-window request counter per client (address or key hash), as @fastify/rate-limit's local
// store counts: the window starts at a client's first request and the count restarts after it.
// Bounded: when full, expired windows go first, then the oldest started ones (as the plugin's LRU).

export class FixedWindowCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    readonly max: number,
    private readonly windowMs: number,
    private readonly bound = 10_000,
  ) {}

  /** Counts one request of `client` at `now`: 0 when within budget, else the ms until its window ends. */
  hit(client: string, now: number): number {
    const w = this.windows.get(client);
    if (!w || w.endsAt <= now) {
      // A restarted window is re-inserted last: the eviction order is by window start.
      if (w) this.windows.delete(client);
      else if (this.windows.size >= this.bound) this.evict(now);
      this.windows.set(client, { count: 1, endsAt: now + this.windowMs });
      return this.max >= 1 ? 0 : this.windowMs;
    }
    w.count++;
    return w.count > this.max ? w.endsAt - now : 0;
  }

  get size(): number {
    return this.windows.size;
  }

  private evict(now: number): void {
    for (const [client, w] of this.windows) if (w.endsAt <= now) this.windows.delete(client);
    // Map order is insertion order: the oldest started windows go first; down to 90 % so that a
    // flood of new clients sweeps once per thousand of them, not on every request.
    for (const client of this.windows.keys()) {
      if (this.windows.size < this.bound * 0.9) break;
      this.windows.delete(client);
    }
  }
}
